using System.Globalization;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Backups.Import;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>The data bridge: puts a backup of one installation (a SQLite monolith, or PostgreSQL with a schema per
/// module) into the databases this configuration names per module (the services' own databases, PostgreSQL or
/// SQLite). Everything that can be checked is checked before any target is touched (the archive against its
/// manifest, every module known, a database for each, the backup's migrations the same as this version's); then each
/// target is migrated, and each module copied in its own transaction, its rows counted against the manifest, its
/// sequences moved past the imported keys and its messaging rows handed over. The transactions are committed only
/// once every module copied, so a failure while copying or counting leaves every target as it was (a failure of a
/// commit itself, one database after another, says which modules are already in).</summary>
public sealed class BackupImporter(IEnumerable<IModuleDatabase> databases, IServiceProvider services, IOptions<TrackStackOptions> options,
    IOptions<BackupOptions> backups, TimeProvider clock)
{
    internal const string StagingPrefix = ".import-";

    public async Task<ImportResult> ImportAsync(string archive, IReadOnlyCollection<string>? only, bool force, CancellationToken ct)
    {
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dataDir);
        var staging = Path.Combine(dataDir, StagingPrefix + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        try
        {
            var manifest = await BackupArchive.OpenAsync(archive, staging, backups.Value.S3, ct);
            var plans = await PlanAsync(manifest, staging, only, ct);
            foreach (var plan in plans) await plan.Database.MigrateAsync(services, ct);

            var modules = new List<ModuleImport>();
            var copies = new List<IModuleCopy>();
            try
            {
                foreach (var plan in plans.Where(p => p.Source is not null))
                {
                    IModuleCopy copy = plan.Database.Database.Provider == DatabaseProvider.Postgres
                        ? new PostgresModuleCopy(plan.Database.Database, plan.Source!)
                        : new SqliteModuleCopy(plan.Database.Database, plan.Source!);
                    copies.Add(copy);
                    await copy.BeginAsync(force, ct);
                }
                foreach (var copy in copies)
                {
                    var rows = await copy.CopyAsync(ct);
                    Expect(copy.Module, manifest.Rows.GetValueOrDefault(copy.Module), rows);
                    modules.Add(new ModuleImport(copy.Module, rows, await copy.FinishAsync(ct)));
                }
                // Past this point nothing is cancelled: a commit that fails after others succeeded names what is in.
                var committed = new List<string>();
                foreach (var copy in copies)
                {
                    try
                    {
                        await copy.CommitAsync(CancellationToken.None);
                    }
                    catch (Exception e) when (committed.Count > 0)
                    {
                        throw new BackupException($"Committing {copy.Module} failed ({e.Message}) after {string.Join(", ", committed)} were imported; run the import again with --force.");
                    }
                    committed.Add(copy.Module);
                }
            }
            finally
            {
                foreach (var copy in copies) await copy.DisposeAsync();
            }
            var files = CopyFiles(Path.Combine(staging, "files"), dataDir, force);
            return new ImportResult(manifest.CreatedAt, manifest.Provider, modules, plans.Where(p => p.Source is null).Select(p => p.Database.Module).ToList(), files);
        }
        finally
        {
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); } catch (IOException) { /* the operator may delete it */ }
        }
    }

    private sealed record Plan(IModuleDatabase Database, ImportSource? Source);

    /// <summary>Every check that needs no write: which modules, where each goes, and that its data fits this version.</summary>
    private async Task<List<Plan>> PlanAsync(BackupManifest manifest, string staging, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var source = DatabaseProviders.TryParse(manifest.Provider) ?? throw new BackupException($"The backup is of an unknown provider '{manifest.Provider}'.");
        var known = databases.ToDictionary(d => d.Module, StringComparer.Ordinal);
        if (only is not null && only.FirstOrDefault(m => !manifest.Modules.Contains(m)) is { } absent)
            throw new BackupException($"The backup has no module '{absent}'; it holds {string.Join(", ", manifest.Modules)}.");
        var chosen = manifest.Modules.Where(m => only is null || only.Contains(m)).ToList();
        if (chosen.FirstOrDefault(m => !known.ContainsKey(m)) is { } unknown)
            throw new BackupException($"The backup holds the module '{unknown}', which this version of TrackStack does not know (it knows {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}); leave it out with --modules.");

        var plans = new List<Plan>();
        foreach (var module in chosen)
        {
            var database = known[module];
            ModuleDatabase target;
            try
            {
                target = database.Database;
            }
            catch (InvalidOperationException)
            {
                throw new BackupException($"No database for the module '{module}': set TrackStack__Database__ModuleConnectionStrings__{module} (or TrackStack__Database__ConnectionString for one database with a schema per module).");
            }
            if (source == DatabaseProvider.Postgres && target.Provider == DatabaseProvider.Sqlite)
                throw new BackupException("A PostgreSQL backup imports into PostgreSQL databases only; set TrackStack__Database__Provider=Postgres.");

            var file = source == DatabaseProvider.Sqlite ? Path.Combine(staging, "sqlite", module + ".db") : Path.Combine(staging, "postgres", module + ".dump");
            if (!File.Exists(file))
            {
                plans.Add(new Plan(database, null)); // the module never started there: its target is only migrated
                continue;
            }
            var have = source == DatabaseProvider.Sqlite ? await SnapshotTables.MigrationsOfSqliteAsync(file, ct) : await PgDumpData.MigrationsAsync(file, module, ct);
            var want = SqlMigrator.ScriptsFor(database.ContextType.Assembly, target.Provider).Select(s => s.Version).ToHashSet();
            if (!want.SetEquals(have))
            {
                var older = want.Except(have).Order().Select(v => v.ToString("D4", CultureInfo.InvariantCulture)).ToList();
                var newer = have.Except(want).Order().Select(v => v.ToString("D4", CultureInfo.InvariantCulture)).ToList();
                throw new BackupException(newer.Count > 0
                    ? $"The backup's {module} data has migrations this version does not know ({string.Join(", ", newer)}): import it with the version that made it or a newer one."
                    : $"The backup's {module} data lacks this version's migrations {string.Join(", ", older)}: start the installation it came from on this version once (it migrates), back it up again and import that.");
            }
            plans.Add(new Plan(database, new ImportSource(module, source == DatabaseProvider.Sqlite, file)));
        }
        return plans;
    }

    private static void Expect(string module, IReadOnlyDictionary<string, long>? expected, IReadOnlyDictionary<string, long> actual)
    {
        var wrong = actual.Where(a => a.Value != (expected?.GetValueOrDefault(a.Key) ?? 0)).Select(a => $"{a.Key}: {a.Value} of {expected?.GetValueOrDefault(a.Key) ?? 0}").ToList();
        if (wrong.Count > 0) throw new BackupException($"The imported {module} data does not have the backed-up rows ({string.Join(", ", wrong)}); nothing was imported.");
    }

    /// <summary>The backup's data-dir files (keys, recipe photos) go into this data dir; ones already there stay
    /// unless <paramref name="force"/>.</summary>
    private static (int Copied, int Kept) CopyFiles(string files, string dataDir, bool force)
    {
        var (copied, kept) = (0, 0);
        if (!Directory.Exists(files)) return (0, 0);
        foreach (var path in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(dataDir, Path.GetRelativePath(files, path));
            if (File.Exists(destination) && !force)
            {
                kept++;
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(path, destination, overwrite: true);
            copied++;
        }
        return (copied, kept);
    }
}

public sealed record ImportResult(DateTime BackupCreatedAt, string SourceProvider, IReadOnlyList<ModuleImport> Modules, IReadOnlyList<string> NothingToImport, (int Copied, int Kept) Files);

/// <summary>One module's imported rows per table and its outbox rows that were still to be delivered.</summary>
public sealed record ModuleImport(string Module, IReadOnlyDictionary<string, long> Rows, long PendingEvents);
