using Microsoft.Data.Sqlite;

namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>The tables of a SQLite module database that hold its data: not SQLite's own, not the migration history
/// (the target has its own), not full-text indexes or their shadow tables (the target builds its search index
/// itself: PostgreSQL's GIN indexes, SQLite's FTS triggers and rebuild).</summary>
internal static class SnapshotTables
{
    public static async Task<List<string>> OfSqliteAsync(SqliteConnection connection, string database, CancellationToken ct, SqliteTransaction? tx = null)
    {
        var tables = new List<string>();
        var virtuals = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = tx;
            list.CommandText = $"SELECT name, sql LIKE 'CREATE VIRTUAL%' FROM \"{database}\".sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) (reader.GetBoolean(1) ? virtuals : tables).Add(reader.GetString(0));
        }
        return tables.Where(t => t != Persistence.SqlMigrator.HistoryTable && !virtuals.Any(v => t.StartsWith(v + "_", StringComparison.Ordinal))).ToList();
    }

    public static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string database, string table, CancellationToken ct, SqliteTransaction? tx = null)
    {
        var columns = new List<string>();
        await using var info = connection.CreateCommand();
        info.Transaction = tx;
        info.CommandText = "SELECT name FROM pragma_table_info($table, $schema) ORDER BY cid";
        info.Parameters.AddWithValue("$table", table);
        info.Parameters.AddWithValue("$schema", database);
        await using var reader = await info.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        return columns;
    }

    /// <summary>The migration versions the snapshot's data was written under.</summary>
    public static async Task<SortedSet<int>> MigrationsOfSqliteAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version FROM {Persistence.SqlMigrator.HistoryTable}";
        var versions = new SortedSet<int>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) versions.Add(reader.GetInt32(0));
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{Path.GetFileName(file)} in the backup has no migration history ({e.Message}).");
        }
        return versions;
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
