using System.Globalization;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Puts a backup back, with the server stopped: unpacks the archive next to the data, checks every file
/// against the manifest (nothing is touched when one is missing or changed), then moves the SQLite snapshots and the
/// data dir's files into place, or restores each module's schema into PostgreSQL with <c>pg_restore</c>, and finally
/// counts the rows of every table against the manifest. An installation that already has data is replaced only with
/// <c>force</c>, and what it held is moved aside, never deleted.</summary>
public sealed class BackupRestorer(IEnumerable<IModuleDatabase> databases, IOptions<TrackStackOptions> options, IOptions<BackupOptions> backups, TimeProvider clock)
{
    internal const string StagingPrefix = ".restore-";

    /// <summary>Restores <paramref name="archivePath"/>, a file or <c>s3://bucket/prefix/trackstack-….tar.gz</c>.</summary>
    public async Task<RestoreResult> RestoreAsync(string archivePath, bool force, CancellationToken ct)
    {
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dataDir);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var staging = Path.Combine(dataDir, StagingPrefix + stamp);
        try
        {
            var manifest = await BackupArchive.OpenAsync(archivePath, staging, backups.Value.S3, ct);
            return await PutBackAsync(manifest, staging, dataDir, stamp, force, ct);
        }
        finally
        {
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { /* the operator may delete it */ }
        }
    }

    private async Task<RestoreResult> PutBackAsync(BackupManifest manifest, string staging, string dataDir, string stamp, bool force, CancellationToken ct)
    {
        var modules = databases.ToList();
        var provider = modules.Select(m => m.Database.Provider).Distinct().Single();
        if (!string.Equals(manifest.Provider, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new BackupException($"The backup is of a {manifest.Provider} installation; this one is configured for {provider}.");

        string? movedAside = null;
        var existing = Directory.EnumerateFiles(dataDir).Select(f => Path.GetFileName(f)).Where(BackupWriter.IsLiveDatabaseFile).ToList();
        if (provider == DatabaseProvider.Sqlite && existing.Count > 0)
        {
            if (!force) throw new BackupException($"{dataDir} already holds data ({string.Join(", ", existing.Where(f => f.EndsWith(".db", StringComparison.Ordinal)).Order(StringComparer.Ordinal))}). Stop the server and run the restore again with --force: the current files are moved to a replaced-<time> folder.");
            movedAside = Path.Combine(dataDir, "replaced-" + stamp);
            Directory.CreateDirectory(movedAside);
            foreach (var file in existing) File.Move(Path.Combine(dataDir, file), Path.Combine(movedAside, file));
        }

        foreach (var module in modules)
        {
            var expected = manifest.Rows.GetValueOrDefault(module.Module);
            if (provider == DatabaseProvider.Sqlite)
            {
                var snapshot = Path.Combine(staging, "sqlite", module.Module + ".db");
                if (!File.Exists(snapshot)) continue;
                var target = Path.Combine(dataDir, module.Module + ".db");
                File.Move(snapshot, target);
                Expect(module.Module, expected, await RowCounts.OfSqliteAsync(target, ct));
            }
            else
            {
                var dump = Path.Combine(staging, "postgres", module.Module + ".dump");
                if (!File.Exists(dump)) continue;
                movedAside = await RestoreSchemaAsync(module.Database, dump, stamp, force, ct) ?? movedAside;
                await using var connection = new Npgsql.NpgsqlConnection(module.Database.ConnectionString);
                await connection.OpenAsync(ct);
                Expect(module.Module, expected, await RowCounts.OfPostgresAsync(connection, module.Database.Schema, ct));
            }
        }

        var files = Path.Combine(staging, "files");
        var copied = 0;
        if (Directory.Exists(files))
        {
            foreach (var path in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(dataDir, Path.GetRelativePath(files, path));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Move(path, destination, overwrite: true);
                copied++;
            }
        }
        return new RestoreResult(manifest.CreatedAt, manifest.Modules, copied, movedAside);
    }

    /// <summary>The current schema is renamed aside (not dropped), and renamed back when pg_restore fails.</summary>
    private static async Task<string?> RestoreSchemaAsync(ModuleDatabase database, string dump, string stamp, bool force, CancellationToken ct)
    {
        string? aside = null;
        if (await HasSchemaAsync(database, database.Schema, ct))
        {
            if (!force) throw new BackupException($"The database already has the schema '{database.Schema}'. Stop the servers and run the restore again with --force: the current schema is renamed to {database.Schema}_replaced_<time>.");
            aside = $"{database.Schema}_replaced_{stamp.ToLowerInvariant()}";
            await RenameSchemaAsync(database, database.Schema, aside, ct);
        }
        try
        {
            await PostgresTools.RunAsync("pg_restore", database.ConnectionString, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump], ct);
        }
        catch when (aside is not null)
        {
            await RenameSchemaAsync(database, aside, database.Schema, ct);
            throw;
        }
        return aside is null ? null : $"schemas renamed to <module>_replaced_{stamp.ToLowerInvariant()}";
    }

    private static void Expect(string module, IReadOnlyDictionary<string, long>? expected, IReadOnlyDictionary<string, long> actual)
    {
        if (expected is null) return;
        var wrong = expected.Where(e => actual.GetValueOrDefault(e.Key, -1) != e.Value).Select(e => $"{e.Key}: {actual.GetValueOrDefault(e.Key, 0)} of {e.Value}").ToList();
        if (wrong.Count > 0) throw new BackupException($"The restored {module} data does not have the backed-up rows ({string.Join(", ", wrong)}).");
    }

    private static async Task<bool> HasSchemaAsync(ModuleDatabase database, string schema, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.schemata WHERE schema_name = @schema";
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>Module schemas are lower-case module names (and this suffix), so quoting them is enough.</summary>
    private static async Task RenameSchemaAsync(ModuleDatabase database, string from, string to, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER SCHEMA \"{from}\" RENAME TO \"{to}\"";
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed record RestoreResult(DateTime BackupCreatedAt, IReadOnlyList<string> Modules, int FilesCopied, string? MovedAside);
