using System.Globalization;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Puts a backup back, with the server stopped: checks the whole folder against its manifest first (nothing
/// is touched when a file is missing or changed), then copies the SQLite snapshots and the data dir's files into the
/// data dir, or restores each module's schema into PostgreSQL with <c>pg_restore --clean</c>. An installation that
/// already has data is replaced only with <c>force</c>, and its SQLite files are moved aside, not deleted.</summary>
public sealed class BackupRestorer(IEnumerable<IModuleDatabase> databases, IOptions<TrackStackOptions> options, TimeProvider clock)
{
    public async Task<RestoreResult> RestoreAsync(string backupFolder, bool force, CancellationToken ct)
    {
        var folder = Path.GetFullPath(backupFolder);
        if (!Directory.Exists(folder)) throw new BackupException($"{folder} does not exist.");
        var manifest = await BackupManifest.ReadAsync(folder, ct);
        await manifest.VerifyAsync(folder, ct);

        var dataDir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dataDir);
        var modules = databases.ToList();
        var provider = modules.Select(m => m.Database.Provider).Distinct().Single();
        if (!string.Equals(manifest.Provider, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new BackupException($"The backup is of a {manifest.Provider} installation; this one is configured for {provider}.");

        string? movedAside = null;
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var existing = Directory.EnumerateFiles(dataDir).Select(Path.GetFileName).Where(f => BackupWriter.IsLiveDatabaseFile(f!)).ToList();
        if (provider == DatabaseProvider.Sqlite && existing.Count > 0)
        {
            if (!force) throw new BackupException($"{dataDir} already holds data ({string.Join(", ", existing.Where(f => f!.EndsWith(".db", StringComparison.Ordinal)).Order(StringComparer.Ordinal))}). Stop the server and run the restore again with --force: the current files are moved to a replaced-<time> folder.");
            movedAside = Path.Combine(dataDir, "replaced-" + stamp);
            Directory.CreateDirectory(movedAside);
            foreach (var file in existing) File.Move(Path.Combine(dataDir, file!), Path.Combine(movedAside, file!));
        }

        foreach (var module in modules)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var snapshot = Path.Combine(folder, "sqlite", module.Module + ".db");
                if (File.Exists(snapshot)) File.Copy(snapshot, Path.Combine(dataDir, module.Module + ".db"), overwrite: true);
            }
            else
            {
                var dump = Path.Combine(folder, "postgres", module.Module + ".dump");
                if (!File.Exists(dump)) continue;
                // The current schema is renamed aside (not dropped), and renamed back when the restore fails.
                string? aside = null;
                if (await HasSchemaAsync(module.Database, module.Database.Schema, ct))
                {
                    if (!force) throw new BackupException($"The database already has the schema '{module.Database.Schema}'. Stop the servers and run the restore again with --force: the current schema is renamed to {module.Database.Schema}_replaced_<time>.");
                    aside = $"{module.Database.Schema}_replaced_{stamp.ToLowerInvariant()}";
                    await RenameSchemaAsync(module.Database, module.Database.Schema, aside, ct);
                    movedAside = $"schemas renamed to <module>_replaced_{stamp.ToLowerInvariant()}";
                }
                try
                {
                    await PostgresTools.RunAsync("pg_restore", module.Database.ConnectionString,
                        ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump], ct);
                }
                catch when (aside is not null)
                {
                    await RenameSchemaAsync(module.Database, aside, module.Database.Schema, ct);
                    throw;
                }
            }
        }

        var files = Path.Combine(folder, "files");
        var copied = 0;
        if (Directory.Exists(files))
        {
            foreach (var path in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(dataDir, Path.GetRelativePath(files, path));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(path, destination, overwrite: true);
                copied++;
            }
        }
        return new RestoreResult(manifest.CreatedAt, manifest.Modules, copied, movedAside);
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
