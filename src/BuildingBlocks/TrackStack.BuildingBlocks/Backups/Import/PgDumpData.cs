using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>Reads the rows of a module's <c>pg_dump</c> file (custom format) through <c>pg_restore --data-only
/// --file=-</c>, which needs no database: each table comes as a <c>COPY … FROM stdin</c> block in PostgreSQL's text
/// format, streamed as it is into the target with our own <c>COPY … FROM STDIN</c> (the table we asked for, the dump's
/// columns checked against it) inside the import's transaction.</summary>
internal static class PgDumpData
{
    public static async Task<long> CopyTableAsync(string dump, string schema, string table, NpgsqlConnection target, CancellationToken ct)
    {
        long rows = 0;
        await ReadAsync(dump, schema, table, async reader =>
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("COPY ", StringComparison.Ordinal) || !line.EndsWith(" FROM stdin;", StringComparison.Ordinal)) continue;
                // The statement is ours, never the archive's: only the dump's column list is taken, each column checked
                // against the target table, so a crafted dump cannot write elsewhere or run anything.
                var columns = await CheckedColumnsAsync(line, schema, table, target, ct);
                await using var writer = await target.BeginTextImportAsync(
                    $"COPY {SnapshotTables.Quote(schema)}.{SnapshotTables.Quote(table)} ({string.Join(", ", columns.Select(SnapshotTables.Quote))}) FROM STDIN", ct);
                while (await reader.ReadLineAsync(ct) is { } row && row != "\\.")
                {
                    await writer.WriteAsync(row);
                    await writer.WriteAsync('\n');
                    rows++;
                }
            }
        }, ct);
        return rows;
    }

    /// <summary>The column list of a dump's <c>COPY "schema"."table" (a, "b c") FROM stdin;</c> line, each one a column
    /// of the target table; anything else is refused.</summary>
    private static async Task<List<string>> CheckedColumnsAsync(string line, string schema, string table, NpgsqlConnection target, CancellationToken ct)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(") FROM stdin;", StringComparison.Ordinal);
        if (open < 0 || close < open) throw new BackupException($"The dump of {schema}.{table} has a COPY statement without a column list.");
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = @s AND table_name = @t", target))
        {
            command.Parameters.AddWithValue("s", schema);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) known.Add(reader.GetString(0));
        }
        var columns = line[(open + 1)..close].Split(", ").Select(c => c.Length > 1 && c[0] == '"' && c[^1] == '"' ? c[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : c).ToList();
        var unknown = columns.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0 || columns.Count == 0)
            throw new BackupException($"The dump of {schema}.{table} has columns this version does not know: {string.Join(", ", unknown)}. Import it with the version that made the backup.");
        return columns;
    }

    /// <summary>The migration versions in the dump's history table (its first column).</summary>
    public static async Task<SortedSet<int>> MigrationsAsync(string dump, string schema, CancellationToken ct)
    {
        var versions = new SortedSet<int>();
        await ReadAsync(dump, schema, Persistence.SqlMigrator.HistoryTable, async reader =>
        {
            var inCopy = false;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("COPY ", StringComparison.Ordinal)) inCopy = true;
                else if (line == "\\.") inCopy = false;
                else if (inCopy) versions.Add(int.Parse(line.Split('\t')[0], CultureInfo.InvariantCulture));
            }
        }, ct);
        return versions;
    }

    private static async Task ReadAsync(string dump, string schema, string table, Func<StreamReader, Task> consume, CancellationToken ct)
    {
        var start = new ProcessStartInfo("pg_restore") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in (string[])["--data-only", $"--schema={schema}", $"--table={table}", "--file=-", dump]) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException("pg_restore could not be started.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException("pg_restore was not found: install the PostgreSQL client tools (Debian: postgresql-client) of the backed-up server's major version.");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await consume(process.StandardOutput);
            }
            catch
            {
                if (!process.HasExited) process.Kill();
                throw;
            }
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new BackupException($"pg_restore failed ({process.ExitCode}) on {Path.GetFileName(dump)}: {(await stderr).Trim()}");
        }
    }
}
