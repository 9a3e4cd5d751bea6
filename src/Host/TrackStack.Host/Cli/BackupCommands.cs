using System.CommandLine;
using System.Globalization;
using TrackStack.BuildingBlocks.Backups;

namespace TrackStack.Host.Cli;

/// <summary>backup --to &lt;folder&gt; [--prune] while the server runs; restore &lt;backup&gt; [--force] with it stopped.</summary>
internal static class BackupCommands
{
    public static Command Backup(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var to = new Option<string>("--to") { Description = "Folder that receives the new trackstack-<UTC time>.tar.gz.", Required = true };
        var prune = new Option<bool>("--prune") { Description = "Then delete older backups in that folder beyond the retention (TrackStack__Backup__KeepDaily/KeepWeekly/KeepMonthly: 7/4/12)." };
        var command = new Command("backup", "Back up every module's data and the data dir's files (keys, photos) into one archive while the server runs.") { to, prune };
        command.SetAction(async (r, ct) =>
        {
            var sp = await services(ct);
            try
            {
                var result = await sp.GetRequiredService<BackupWriter>().WriteAsync(r.GetValue(to)!, r.GetValue(prune), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backup written to {result.Archive} ({result.Bytes / 1024.0:0.#} KiB in {result.Took.TotalSeconds:0.0} s)."));
                foreach (var old in result.Removed) Console.WriteLine($"Removed the older backup {old}.");
                return 0;
            }
            catch (BackupException e)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    public static Command Restore(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var folder = new Argument<string>("archive") { Description = "A trackstack-<UTC time>.tar.gz written by 'backup'." };
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
