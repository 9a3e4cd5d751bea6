using Microsoft.Data.Sqlite;
using Npgsql;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>Imports one module into its PostgreSQL database (schema = module): from a SQLite snapshot with binary
/// COPY, each value converted for its target column's type (<see cref="SqliteToPostgresValues"/>), or from a pg_dump
/// with text COPY. Tables are filled parents first (the target's foreign keys decide), all in one transaction.</summary>
internal sealed class PostgresModuleCopy(ModuleDatabase target, ImportSource source) : IModuleCopy
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _tx;
    private List<string> _tables = [];

    public string Module => target.Module;
    private string Schema => target.Schema;
    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("BeginAsync first.");

    public async Task BeginAsync(bool force, CancellationToken ct)
    {
        _connection = new NpgsqlConnection(target.ConnectionString);
        await _connection.OpenAsync(ct);
        _tx = await _connection.BeginTransactionAsync(ct);
        _tables = await TablesParentsFirstAsync(ct);
        var holding = new List<string>();
        foreach (var table in _tables)
        {
            if (await ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {Name(table)})", ct)) holding.Add(table);
        }
        if (holding.Count == 0) return;
        if (!force) throw new BackupException($"The {Module} database already holds data ({string.Join(", ", holding)}). Run the import again with --force to replace it (in the same transaction: a failed import leaves it as it is).");
        await ExecuteAsync($"TRUNCATE {string.Join(", ", _tables.Select(Name))} RESTART IDENTITY", ct);
    }

    public async Task<IReadOnlyDictionary<string, long>> CopyAsync(CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (source.IsSqlite)
        {
            await using var snapshot = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await snapshot.OpenAsync(ct);
            var present = (await SnapshotTables.OfSqliteAsync(snapshot, "main", ct)).ToHashSet(StringComparer.Ordinal);
            var missing = present.Where(t => !_tables.Contains(t)).ToList();
            if (missing.Count > 0) throw new BackupException($"The backup's {Module} data has tables this version does not know: {string.Join(", ", missing)}.");
            foreach (var table in _tables.Where(present.Contains)) counts[table] = await CopyFromSqliteAsync(snapshot, table, ct);
        }
        else
        {
            foreach (var table in _tables) counts[table] = await PgDumpData.CopyTableAsync(source.Path, Schema, table, Connection, ct);
        }
        foreach (var table in counts.Keys.ToList()) counts[table] = await ScalarAsync<long>($"SELECT count(*) FROM {Name(table)}", ct);
        return counts;
    }

    private async Task<long> CopyFromSqliteAsync(SqliteConnection snapshot, string table, CancellationToken ct)
    {
        var targetColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var info = Connection.CreateCommand())
        {
            info.CommandText = "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table";
            info.Parameters.AddWithValue("schema", Schema);
            info.Parameters.AddWithValue("table", table);
            await using var reader = await info.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) targetColumns[reader.GetString(0)] = reader.GetString(1);
        }
        var columns = await SnapshotTables.ColumnsAsync(snapshot, "main", table, ct);
        var unknown = columns.Where(c => !targetColumns.ContainsKey(c)).ToList();
        if (unknown.Count > 0) throw new BackupException($"The backup's {Module}.{table} has columns this version does not know: {string.Join(", ", unknown)}.");
        var writers = columns.Select(c => SqliteToPostgresValues.For(table, c, targetColumns[c])).ToArray();

        await using var read = snapshot.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(SnapshotTables.Quote))} FROM {SnapshotTables.Quote(table)}";
        await using var rows = await read.ExecuteReaderAsync(ct);
        await using var copy = await Connection.BeginBinaryImportAsync(
            $"COPY {Name(table)} ({string.Join(", ", columns.Select(SnapshotTables.Quote))}) FROM STDIN (FORMAT BINARY)", ct);
        long row = 0;
        while (await rows.ReadAsync(ct))
        {
            row++;
            await copy.StartRowAsync(ct);
            for (var i = 0; i < writers.Length; i++)
            {
                if (rows.IsDBNull(i))
                {
                    await copy.WriteNullAsync(ct);
                    continue;
                }
                object value;
                try
                {
                    value = writers[i].Convert(rows.GetValue(i));
                }
                catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or System.Text.Json.JsonException or ArgumentException)
                {
                    // The value itself stays out of the message: it may be a secret (a token hash, a webhook URL).
                    throw new BackupException($"Row {row} of {Module}.{table}: {columns[i]} does not convert to {targetColumns[columns[i]]} ({e.Message}).");
                }
                await copy.WriteAsync(value, writers[i].Type, ct);
            }
        }
        return (long)await copy.CompleteAsync(ct);
    }

    public async Task<long> FinishAsync(CancellationToken ct)
    {
        // Serial and identity columns continue after the imported keys.
        var sequences = new List<(string Table, string Column, string Sequence)>();
        await using (var list = Connection.CreateCommand())
        {
            list.CommandText = """
                SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name)
                FROM information_schema.columns WHERE table_schema = @schema
                AND pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name) IS NOT NULL
                """;
            list.Parameters.AddWithValue("schema", Schema);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) sequences.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, column, sequence) in sequences)
        {
            await using var reset = Connection.CreateCommand();
            reset.CommandText = $"SELECT setval(@sequence, COALESCE((SELECT max({SnapshotTables.Quote(column)}) FROM {Name(table)}), 0) + 1, false)";
            reset.Parameters.AddWithValue("sequence", sequence);
            await reset.ExecuteScalarAsync(ct);
        }
        // The old process's claims mean nothing here; the new relay and workers take the rows at once.
        await ExecuteAsync($"UPDATE {Name("outbox_messages")} SET locked_until = NULL, locked_by = NULL WHERE locked_by IS NOT NULL", ct);
        await ExecuteAsync($"UPDATE {Name("inbox_messages")} SET locked_until = NULL, locked_by = NULL WHERE locked_by IS NOT NULL", ct);
        return await ScalarAsync<long>($"SELECT count(*) FROM {Name("outbox_messages")} WHERE status IN ({(int)Messaging.MessageStatus.Pending}, {(int)Messaging.MessageStatus.Held})", ct);
    }

    public async Task CommitAsync(CancellationToken ct) => await _tx!.CommitAsync(ct);

    /// <summary>The module's tables but the migration history, ordered so a table comes after those its foreign
    /// keys reference (COPY checks them row by row; they are not deferrable).</summary>
    private async Task<List<string>> TablesParentsFirstAsync(CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var list = Connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_type = 'BASE TABLE' ORDER BY table_name";
            list.Parameters.AddWithValue("schema", Schema);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        await using (var keys = Connection.CreateCommand())
        {
            keys.CommandText = """
                SELECT c.relname, p.relname FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE k.contype = 'f' AND n.nspname = @schema AND c.oid <> p.oid
                """;
            keys.Parameters.AddWithValue("schema", Schema);
            await using var reader = await keys.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (parents.TryGetValue(reader.GetString(0), out var of)) of.Add(reader.GetString(1));
            }
        }
        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var next = tables.FirstOrDefault(t => !placed.Contains(t) && parents[t].All(p => placed.Contains(p) || !parents.ContainsKey(p)))
                ?? throw new BackupException($"The {Module} tables reference each other in a cycle; the import cannot order them.");
            ordered.Add(next);
            placed.Add(next);
        }
        return ordered.Where(t => t != SqlMigrator.HistoryTable).ToList();
    }

    private string Name(string table) => $"{SnapshotTables.Quote(Schema)}.{SnapshotTables.Quote(table)}";

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tx is not null) await _tx.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
