using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Makes a consistent backup of a running installation into a new folder: each module's SQLite file as a
/// snapshot (<c>VACUUM INTO</c>, safe while the server writes) or its PostgreSQL schema (<c>pg_dump</c>, custom
/// format), plus every other file of the data dir (signing and data-protection keys, recipe photos). The folder is
/// written under a temporary name and renamed only once it is complete and checked, so a backup folder is never
/// half a backup.</summary>
public sealed class BackupWriter(IEnumerable<IModuleDatabase> databases, IOptions<TrackStackOptions> options, TimeProvider clock, ILogger<BackupWriter> log)
{
    public const string FolderPrefix = "trackstack-";
    private const string PartialSuffix = ".partial";

    public async Task<BackupResult> WriteAsync(string targetRoot, int? keep, CancellationToken ct)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        var root = Path.GetFullPath(targetRoot);
        Directory.CreateDirectory(root);
        var name = FolderPrefix + started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var final = Path.Combine(root, name);
        if (Directory.Exists(final)) throw new BackupException($"{final} exists already; wait a second and run the backup again.");
        var partial = final + PartialSuffix;
        Directory.CreateDirectory(partial);
        try
        {
            var modules = databases.OrderBy(d => d.Module, StringComparer.Ordinal).ToList();
            var provider = modules.Select(m => m.Database.Provider).Distinct().SingleOrDefault();
            foreach (var module in modules)
            {
                if (module.Database.Provider == DatabaseProvider.Sqlite) await SnapshotSqliteAsync(module.Database, Path.Combine(partial, "sqlite", module.Module + ".db"), ct);
                else await DumpPostgresAsync(module.Database, Path.Combine(partial, "postgres", module.Module + ".dump"), ct);
            }
            CopyDataFiles(dataDir, Path.Combine(partial, "files"), exclude: root);
            var files = new List<BackupFile>();
            foreach (var path in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                files.Add(await BackupManifest.DescribeAsync(partial, path, ct));
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, started, Version(), provider.ToString(), modules.Select(m => m.Module).ToList(), files);
            await manifest.WriteAsync(partial, ct);
            Directory.Move(partial, final);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }

        var completed = clock.GetUtcNow().UtcDateTime;
        await LastBackup.WriteAsync(dataDir, completed, final, ct);
        var removed = keep is { } k ? Prune(root, k) : [];
        var bytes = Directory.EnumerateFiles(final, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        log.LogInformation("Backup {Folder} written: {Bytes} bytes in {Seconds:0.0} s; {Removed} older backup(s) removed.", final, bytes, (completed - started).TotalSeconds, removed.Count);
        return new BackupResult(final, bytes, completed - started, removed);
    }

    /// <summary>VACUUM INTO writes a compact, transactionally consistent copy while others read and write; the copy is
    /// then checked with <c>PRAGMA integrity_check</c> before it counts.</summary>
    private static async Task SnapshotSqliteAsync(ModuleDatabase database, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var source = new SqliteConnectionStringBuilder(database.ConnectionString);
        if (!File.Exists(source.DataSource)) return; // a module that never started has no file yet: nothing to keep
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.DataSource, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        await using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await check.OpenAsync(ct);
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var answer = (string?)await command.ExecuteScalarAsync(ct);
        if (answer != "ok") throw new BackupException($"The copy of {database.Module} failed its integrity check: {answer}");
    }

    private static async Task DumpPostgresAsync(ModuleDatabase database, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await PostgresTools.RunAsync("pg_dump", database.ConnectionString,
            ["--format=custom", "--no-owner", "--no-privileges", $"--schema={database.Schema}", $"--file={target}"], ct);
    }

    /// <summary>Everything in the data dir but the live database files (they are in the snapshots), the backup
    /// target (when it lies inside) and the last-backup marker.</summary>
    private static void CopyDataFiles(string dataDir, string target, string exclude)
    {
        if (!Directory.Exists(dataDir)) return;
        foreach (var path in Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(path);
            if (full.StartsWith(exclude + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var relative = Path.GetRelativePath(dataDir, full);
            if (IsLiveDatabaseFile(relative) || relative == LastBackup.FileName || relative.StartsWith("replaced-", StringComparison.Ordinal)) continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(full, destination);
        }
    }

    internal static bool IsLiveDatabaseFile(string relative) =>
        !relative.Contains(Path.DirectorySeparatorChar) &&
        (relative.EndsWith(".db", StringComparison.Ordinal) || relative.EndsWith(".db-wal", StringComparison.Ordinal) ||
         relative.EndsWith(".db-shm", StringComparison.Ordinal) || relative.EndsWith(".db-journal", StringComparison.Ordinal));

    /// <summary>Keeps the newest <paramref name="keep"/> complete backups of the folder (those with a manifest).</summary>
    private static List<string> Prune(string root, int keep)
    {
        var complete = Directory.EnumerateDirectories(root, FolderPrefix + "*")
            .Where(d => !d.EndsWith(PartialSuffix, StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .Order(StringComparer.Ordinal).ToList();
        var old = complete.Take(Math.Max(0, complete.Count - Math.Max(1, keep))).ToList();
        foreach (var folder in old) TryDelete(folder);
        return old;
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* left for the operator; the next prune tries again */ }
    }

    private static string Version() =>
        typeof(BackupWriter).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
}

public sealed record BackupResult(string Folder, long Bytes, TimeSpan Took, IReadOnlyList<string> Removed);

/// <summary>Runs pg_dump / pg_restore for one module's connection string: the password goes in the environment
/// (PGPASSWORD), never on the command line, and a failure carries the tool's own message.</summary>
internal static class PostgresTools
{
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add($"--dbname={cs.Database ?? "postgres"}");
        start.Environment["PGHOST"] = cs.Host ?? "localhost";
        start.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        if (cs.Username is { } user) start.Environment["PGUSER"] = user;
        if (cs.Password is { } password) start.Environment["PGPASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{tool} was not found: install the PostgreSQL client tools (Debian: postgresql-client) of your server's major version.");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new BackupException($"{tool} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }
    }
}
