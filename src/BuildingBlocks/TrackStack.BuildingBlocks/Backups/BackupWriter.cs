using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Backups.S3;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Makes a consistent backup of a running installation into one archive (<c>trackstack-&lt;UTC time&gt;.tar.gz</c>):
/// each module's SQLite file as a snapshot (<c>VACUUM INTO</c>, safe while the server writes) or its PostgreSQL schema
/// (<c>pg_dump</c>, custom format, inside an exported snapshot), every other file of the data dir (signing and
/// data-protection keys, recipe photos), and a manifest with checksums and row counts. The archive is written under a
/// <c>.partial</c> name and renamed only once complete, so an archive without it is a whole backup.</summary>
public sealed class BackupWriter(IEnumerable<IModuleDatabase> databases, IOptions<TrackStackOptions> options, IOptions<BackupOptions> retention,
    TimeProvider clock, ILogger<BackupWriter> log)
{
    public const string Prefix = "trackstack-";
    public const string Extension = ".tar.gz";
    private const string StampFormat = BackupRetention.StampFormat;

    /// <summary>Where an archive bound for S3 is made, in the data dir (left out of the backup itself).</summary>
    internal const string UploadFolder = ".backup-upload";

    /// <summary>Writes one archive into <paramref name="target"/>, a folder or <c>s3://bucket/prefix</c>, and with
    /// <paramref name="prune"/> then applies the retention there.</summary>
    public async Task<BackupResult> WriteAsync(string target, bool prune, CancellationToken ct)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        if (!S3Location.IsS3(target))
        {
            var root = Path.GetFullPath(target);
            var archive = await WriteArchiveAsync(root, dataDir, started, ct);
            return await CompleteAsync(archive, new FileInfo(archive).Length, dataDir, started,
                prune ? () => Task.FromResult(PruneFolder(root, retention.Value)) : null, ct);
        }

        // The archive is made in the data dir (sized for the data, unlike /tmp), uploaded, then deleted there.
        var folder = S3Location.Parse(target);
        var local = Path.Combine(dataDir, UploadFolder);
        using var store = new S3BackupStore(retention.Value.S3);
        try
        {
            var archive = await WriteArchiveAsync(local, dataDir, started, ct);
            var bytes = new FileInfo(archive).Length;
            var key = new S3Location(folder.Bucket, folder.FolderPrefix + Path.GetFileName(archive));
            await store.UploadAsync(archive, key, ct);
            return await CompleteAsync(key.ToString(), bytes, dataDir, started,
                prune ? () => PruneS3Async(store, folder, retention.Value, ct) : null, ct);
        }
        finally
        {
            TryDeleteFolder(local);
        }
    }

    private async Task<BackupResult> CompleteAsync(string written, long bytes, string dataDir, DateTime started,
        Func<Task<List<string>>>? prune, CancellationToken ct)
    {
        var completed = clock.GetUtcNow().UtcDateTime;
        await LastBackup.WriteAsync(dataDir, completed, written, ct);
        var removed = prune is null ? [] : await prune();
        log.LogInformation("Backup {Archive} written: {Bytes} bytes in {Seconds:0.0} s; {Removed} older backup(s) removed.", written, bytes, (completed - started).TotalSeconds, removed.Count);
        return new BackupResult(written, bytes, completed - started, removed);
    }

    /// <summary>The archive, complete, in <paramref name="root"/>; its path.</summary>
    private async Task<string> WriteArchiveAsync(string root, string dataDir, DateTime started, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var stamp = started.ToString(StampFormat, CultureInfo.InvariantCulture);
        var archive = Path.Combine(root, Prefix + stamp + Extension);
        if (File.Exists(archive)) throw new BackupException($"{archive} exists already; wait a second and run the backup again.");
        var staging = Path.Combine(root, "." + Prefix + stamp + ".staging");
        var partial = archive + ".partial";
        Directory.CreateDirectory(staging);
        try
        {
            var modules = databases.OrderBy(d => d.Module, StringComparer.Ordinal).ToList();
            var provider = modules.Select(m => m.Database.Provider).Distinct().SingleOrDefault();
            var rows = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
            foreach (var module in modules)
            {
                rows[module.Module] = module.Database.Provider == DatabaseProvider.Sqlite
                    ? await SnapshotSqliteAsync(module.Database, Path.Combine(staging, "sqlite", module.Module + ".db"), ct)
                    : await DumpPostgresAsync(module.Database, Path.Combine(staging, "postgres", module.Module + ".dump"), ct);
            }
            CopyDataFiles(dataDir, Path.Combine(staging, "files"), exclude: root);
            var files = new List<BackupFile>();
            foreach (var path in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                files.Add(await BackupManifest.DescribeAsync(staging, path, ct));
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, started, Version(), provider.ToString(), modules.Select(m => m.Module).ToList(), files, rows);
            await manifest.WriteAsync(staging, ct);
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                await TarFile.CreateFromDirectoryAsync(staging, gzip, includeBaseDirectory: false, ct);
            }
            File.Move(partial, archive);
            return archive;
        }
        catch
        {
            TryDeleteFile(partial);
            throw;
        }
        finally
        {
            TryDeleteFolder(staging);
        }
    }

    /// <summary>VACUUM INTO writes a compact, transactionally consistent copy while others read and write; the copy is
    /// then checked with <c>PRAGMA integrity_check</c> before it counts, and its rows are counted.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> SnapshotSqliteAsync(ModuleDatabase database, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var source = new SqliteConnectionStringBuilder(database.ConnectionString);
        if (!File.Exists(source.DataSource)) return new Dictionary<string, long>(); // a module that never started has no file yet
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.DataSource, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync(ct);
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var answer = (string?)await command.ExecuteScalarAsync(ct);
            if (answer != "ok") throw new BackupException($"The copy of {database.Module} failed its integrity check: {answer}");
        }
        return await RowCounts.OfSqliteAsync(target, ct);
    }

    /// <summary>The rows are counted in a repeatable-read transaction whose snapshot pg_dump then uses, so the counts
    /// describe exactly what the dump holds.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> DumpPostgresAsync(ModuleDatabase database, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var export = connection.CreateCommand();
        export.CommandText = "SELECT pg_export_snapshot()";
        var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var rows = await RowCounts.OfPostgresAsync(connection, database.Schema, ct);
        await PostgresTools.RunAsync("pg_dump", database.ConnectionString,
            ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--schema={database.Schema}", $"--file={target}"], ct);
        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>Everything in the data dir but the live database files (they are in the snapshots), the backup
    /// target (when it lies inside), the last-backup marker and what an earlier restore moved aside.</summary>
    private static void CopyDataFiles(string dataDir, string target, string exclude)
    {
        if (!Directory.Exists(dataDir)) return;
        foreach (var path in Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(path);
            if (full.StartsWith(exclude + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var relative = Path.GetRelativePath(dataDir, full);
            if (IsLiveDatabaseFile(relative) || relative == LastBackup.FileName || relative.StartsWith("replaced-", StringComparison.Ordinal) || relative.StartsWith(BackupRestorer.StagingPrefix, StringComparison.Ordinal) ||
                relative.StartsWith(UploadFolder, StringComparison.Ordinal) || relative.StartsWith(BackupImporter.StagingPrefix, StringComparison.Ordinal)) continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(full, destination);
        }
    }

    internal static bool IsLiveDatabaseFile(string relative) =>
        !relative.Contains(Path.DirectorySeparatorChar) &&
        (relative.EndsWith(".db", StringComparison.Ordinal) || relative.EndsWith(".db-wal", StringComparison.Ordinal) ||
         relative.EndsWith(".db-shm", StringComparison.Ordinal) || relative.EndsWith(".db-journal", StringComparison.Ordinal));

    /// <summary>Applies the retention to the folder's archives (see <see cref="BackupRetention"/>).</summary>
    internal static List<string> PruneFolder(string root, BackupOptions keep)
    {
        var removed = BackupRetention.Expired(Directory.EnumerateFiles(root, Prefix + "*" + Extension).Select(p => Path.GetFileName(p)), keep)
            .Select(name => Path.Combine(root, name)).ToList();
        foreach (var path in removed) TryDeleteFile(path);
        return removed;
    }

    private static async Task<List<string>> PruneS3Async(S3BackupStore store, S3Location folder, BackupOptions keep, CancellationToken ct)
    {
        var removed = new List<string>();
        foreach (var name in BackupRetention.Expired(await store.ListAsync(folder, ct), keep))
        {
            var key = new S3Location(folder.Bucket, folder.FolderPrefix + name);
            await store.DeleteAsync(key, ct);
            removed.Add(key.ToString());
        }
        return removed;
    }

    private static void TryDeleteFolder(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover staging folder is hidden and harmless; the operator may delete it */ }
    }

    private static void TryDeleteFile(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* left for the operator; the next prune tries again */ }
    }

    private static string Version() =>
        typeof(BackupWriter).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
}

public sealed record BackupResult(string Archive, long Bytes, TimeSpan Took, IReadOnlyList<string> Removed);

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
