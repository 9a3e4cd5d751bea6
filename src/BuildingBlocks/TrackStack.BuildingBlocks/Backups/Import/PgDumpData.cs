using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>Reads the rows of a module's <c>pg_dump</c> file (custom format) through <c>pg_restore --data-only
/// --file=-</c>, which needs no database: each table comes as a <c>COPY … FROM stdin</c> block in PostgreSQL's text
/// format, streamed as it is into the target with <c>COPY … FROM STDIN</c> inside the import's transaction. The
/// schema of a module is its name in the monolith and in its own database, so the dump's statement fits the target.</summary>
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
                await using var writer = await target.BeginTextImportAsync(line[..^"stdin;".Length] + "STDIN", ct);
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
