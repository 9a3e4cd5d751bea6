using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Backups;

namespace TrackStack.Host.Cli;

/// <summary>backup --to &lt;folder or s3://…&gt; [--prune | --schedule] while the server runs; restore &lt;backup&gt; [--force] and
/// import-backup &lt;backup&gt; --into distributed with the servers stopped.</summary>
internal static class BackupCommands
{
    public static Command Backup(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var to = new Option<string>("--to") { Description = "Folder, or s3://bucket/prefix, that receives the new trackstack-<UTC time>.tar.gz.", Required = true };
        var prune = new Option<bool>("--prune") { Description = "Then delete older backups there beyond the retention (TrackStack__Backup__KeepDaily/KeepWeekly/KeepMonthly: 7/4/12)." };
        var schedule = new Option<bool>("--schedule") { Description = "Keep running: back up every night at TrackStack__Backup__HourUtc (and now, when the last backup is over a day old), pruning after each, until stopped." };
        var command = new Command("backup", "Back up every module's data and the data dir's files (keys, photos) into one archive while the server runs.") { to, prune, schedule };
        command.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            var target = r.GetValue(to)!;
            if (r.GetValue(schedule))
            {
                Console.WriteLine($"Backing up into {target} every night at {sp.GetRequiredService<IOptions<BackupOptions>>().Value.HourUtc:00}:00 UTC; stop with Ctrl+C.");
                await sp.GetRequiredService<BackupSchedule>().RunAsync(target, Print, ct);
                return 0;
            }
            try
            {
                Print(await sp.GetRequiredService<BackupWriter>().WriteAsync(target, r.GetValue(prune), ct));
                return 0;
            }
            catch (BackupException e)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static void Print(BackupResult result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backup written to {result.Archive} ({result.Bytes / 1024.0:0.#} KiB in {result.Took.TotalSeconds:0.0} s)."));
        foreach (var old in result.Removed) Console.WriteLine($"Removed the older backup {old}.");
    }

    /// <summary>import-backup &lt;archive&gt; --into distributed [--modules a,b] [--force]: the data bridge.</summary>
    public static Command ImportBackup(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var archive = new Argument<string>("archive") { Description = "A trackstack-<UTC time>.tar.gz written by 'backup' (a file or s3://bucket/prefix/trackstack-….tar.gz)." };
        var into = new Option<string>("--into") { Description = "'distributed': the database of each module as configured (TrackStack__Database__Provider and __ModuleConnectionStrings__<module>).", Required = true };
        into.AcceptOnlyFromAmong("distributed");
        var modules = new Option<string?>("--modules") { Description = "Comma-separated modules to import (default: every module in the backup), e.g. for one service with its own data dir." };
        var force = new Option<bool>("--force") { Description = "Replace what the target databases hold (in the same transaction as the import)." };
        var command = new Command("import-backup", "Split a backup of a monolith into the per-module databases of the services (stop them first).") { archive, into, modules, force };
        command.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            var only = r.GetValue(modules)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToLowerInvariant()).ToList();
            try
            {
                var result = await sp.GetRequiredService<BackupImporter>().ImportAsync(r.GetValue(archive)!, only, r.GetValue(force), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported the {result.SourceProvider} backup of {result.BackupCreatedAt:yyyy-MM-dd HH:mm:ss} UTC:"));
                foreach (var module in result.Modules)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {module.Module}: {module.Rows.Count} table(s), {module.Rows.Values.Sum()} row(s), the row counts match the backup"));
                    foreach (var (table, rows) in module.Rows.Where(t => t.Value > 0)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {table}: {rows}"));
                    if (module.PendingEvents > 0)
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {module.PendingEvents} event(s) were not yet delivered when the backup was taken: the service delivers them once (inboxes drop copies already handled)."));
                }
                foreach (var empty in result.NothingToImport) Console.WriteLine($"  {empty}: no data in the backup; its database is migrated.");
                Console.WriteLine($"Data dir files (keys, photos): {result.Files.Copied} copied, {result.Files.Kept} already there and kept.");
                if (result.Files.Kept > 0)
                    Console.WriteLine("Note: files already in this data dir were kept. If those are keys, settings the monolith encrypted may not decrypt here; --force takes the backup's.");
                Console.WriteLine("Events delivered before the backup stay delivered: the services do not publish them again.");
                return 0;
            }
            catch (BackupException e)
            {
                return Fail(e.Message);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or FormatException)
            {
                // A database that refuses the connection or a row, a full disk: one line, no stack trace.
                return Fail($"The import stopped: {e.Message}");
            }
        });
        return command;
    }

    public static Command Restore(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var folder = new Argument<string>("archive") { Description = "A trackstack-<UTC time>.tar.gz written by 'backup' (a file or s3://bucket/prefix/trackstack-….tar.gz)." };
        var force = new Option<bool>("--force") { Description = "Replace an installation that has data (its files or schemas are kept aside, not deleted)." };
        var command = new Command("restore", "Put a backup back (stop the server first).") { folder, force };
        command.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            try
            {
                var result = await sp.GetRequiredService<BackupRestorer>().RestoreAsync(r.GetValue(folder)!, r.GetValue(force), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Restored the backup of {result.BackupCreatedAt:yyyy-MM-dd HH:mm:ss} UTC: {string.Join(", ", result.Modules)} and {result.FilesCopied} file(s)."));
                if (result.MovedAside is { } aside) Console.WriteLine($"The data it replaced is kept: {aside}.");
                Console.WriteLine("Start the server: it applies any newer migrations to the restored data.");
                return 0;
            }
            catch (BackupException e)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
