using System.CommandLine;
using System.Globalization;
using TrackStack.BuildingBlocks.Backups;

namespace TrackStack.Host.Cli;

/// <summary>backup &lt;folder&gt; [--keep N] while the server runs; restore &lt;backup&gt; [--force] with it stopped.</summary>
internal static class BackupCommands
{
    public static Command Backup(Func<CancellationToken, Task<IServiceProvider>> services)
    {
        var folder = new Argument<string>("folder") { Description = "Folder that receives a new trackstack-<UTC time> backup folder." };
        var keep = new Option<int?>("--keep") { Description = "Keep only the newest N backups in the folder (deletes older ones after this one succeeds)." };
        var command = new Command("backup", "Back up every module's data and the data dir's files (keys, photos) while the server runs.") { folder, keep };
        command.SetAction(async (r, ct) =>
        {
            if (r.GetValue(keep) is < 1) return Fail("--keep must be at least 1.");
            var sp = await services(ct);
            try
            {
                var result = await sp.GetRequiredService<BackupWriter>().WriteAsync(r.GetValue(folder)!, r.GetValue(keep), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backup written to {result.Folder} ({result.Bytes / 1024.0:0.#} KiB in {result.Took.TotalSeconds:0.0} s)."));
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
        var folder = new Argument<string>("backup") { Description = "A trackstack-<UTC time> folder written by 'backup'." };
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
