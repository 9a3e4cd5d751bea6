using Microsoft.Data.Sqlite;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>Imports one module's SQLite snapshot into its SQLite file (a service with its own data dir): the snapshot
/// is attached and every table copied with <c>INSERT … SELECT</c> by column name, in one transaction. Foreign keys are
/// off for the copy (the snapshot is consistent, the order of tables then does not matter); triggers still run, so
/// contentless search indexes fill themselves, and external-content ones are rebuilt.</summary>
internal sealed class SqliteModuleCopy(ModuleDatabase target, ImportSource source) : IModuleCopy
{
    private SqliteConnection? _connection;
    private SqliteTransaction? _tx;
    private List<string> _tables = [];

    public string Module => target.Module;
    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("BeginAsync first.");

    public async Task BeginAsync(bool force, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        await _connection.OpenAsync(ct);
        await ExecuteAsync("PRAGMA foreign_keys = OFF", ct);
        await using (var attach = Connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $file AS snapshot";
            attach.Parameters.AddWithValue("$file", new SqliteConnectionStringBuilder { DataSource = source.Path, Mode = SqliteOpenMode.ReadOnly }.DataSource);
            await attach.ExecuteNonQueryAsync(ct);
        }
        _tx = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
        _tables = await SnapshotTables.OfSqliteAsync(Connection, "main", ct, _tx);
        var holding = new List<string>();
        foreach (var table in _tables)
        {
            if (await ScalarAsync($"SELECT EXISTS (SELECT 1 FROM main.{SnapshotTables.Quote(table)})", ct) != 0) holding.Add(table);
        }
        if (holding.Count == 0) return;
        if (!force) throw new BackupException($"The {Module} database already holds data ({string.Join(", ", holding)}). Run the import again with --force to replace it (in the same transaction: a failed import leaves it as it is).");
        foreach (var table in _tables) await ExecuteAsync($"DELETE FROM main.{SnapshotTables.Quote(table)}", ct);
    }

    public async Task<IReadOnlyDictionary<string, long>> CopyAsync(CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var present = await SnapshotTables.OfSqliteAsync(Connection, "snapshot", ct, _tx);
        var missing = present.Where(t => !_tables.Contains(t)).ToList();
        if (missing.Count > 0) throw new BackupException($"The backup's {Module} data has tables this version does not know: {string.Join(", ", missing)}.");
        foreach (var table in present)
        {
            var into = await SnapshotTables.ColumnsAsync(Connection, "main", table, ct, _tx);
            var from = await SnapshotTables.ColumnsAsync(Connection, "snapshot", table, ct, _tx);
            var unknown = from.Where(c => !into.Contains(c)).ToList();
            if (unknown.Count > 0) throw new BackupException($"The backup's {Module}.{table} has columns this version does not know: {string.Join(", ", unknown)}.");
            var columns = string.Join(", ", from.Select(SnapshotTables.Quote));
            await ExecuteAsync($"INSERT INTO main.{SnapshotTables.Quote(table)} ({columns}) SELECT {columns} FROM snapshot.{SnapshotTables.Quote(table)}", ct);
            counts[table] = await ScalarAsync($"SELECT count(*) FROM main.{SnapshotTables.Quote(table)}", ct);
        }
        await using (var search = Connection.CreateCommand())
        {
            search.Transaction = _tx;
            search.CommandText = "SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%' AND sql LIKE '%content=''%' AND sql NOT LIKE '%content=''''%'";
            var rebuild = new List<string>();
            await using (var reader = await search.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) rebuild.Add(reader.GetString(0));
            }
            foreach (var index in rebuild) await ExecuteAsync($"INSERT INTO main.{SnapshotTables.Quote(index)}({SnapshotTables.Quote(index)}) VALUES ('rebuild')", ct);
        }
        return counts;
    }

    public async Task<long> FinishAsync(CancellationToken ct)
    {
        // AUTOINCREMENT keys continue on their own (sqlite_sequence follows the inserted maximum).
        await ExecuteAsync("UPDATE main.outbox_messages SET locked_until = NULL, locked_by = NULL WHERE locked_by IS NOT NULL", ct);
        await ExecuteAsync("UPDATE main.inbox_messages SET locked_until = NULL, locked_by = NULL WHERE locked_by IS NOT NULL", ct);
        return await ScalarAsync($"SELECT count(*) FROM main.outbox_messages WHERE status IN ({(int)Messaging.MessageStatus.Pending}, {(int)Messaging.MessageStatus.Held})", ct);
    }

    public async Task CommitAsync(CancellationToken ct) => await _tx!.CommitAsync(ct);

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = _tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = _tx;
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tx is not null) await _tx.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
