using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>The nightly backup of a server with <see cref="BackupOptions.Directory"/> set (see <see cref="BackupSchedule"/>).</summary>
internal sealed class ScheduledBackups(BackupSchedule schedule, IOptions<BackupOptions> options, BackupGauge gauge) : BackgroundService
{
    /// <summary>Taken so the backup-age gauge exists from the start, with or without nightly backups.</summary>
    internal BackupGauge Gauge { get; } = gauge;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        string.IsNullOrWhiteSpace(options.Value.Directory) ? Task.CompletedTask : schedule.RunAsync(options.Value.Directory, null, stoppingToken);
}

/// <summary>Nightly backups into a folder or S3 prefix, with the retention after each: at <see cref="BackupOptions.HourUtc"/>
/// each day, and at start when the last backup is more than a day old (a server that was off at that hour still
/// backs up once, not once per missed night). The server runs it when <c>TrackStack__Backup__Directory</c> is set,
/// and <c>backup --schedule</c> runs it in the foreground (a container without cron). A failure is logged and the
/// backup-age alert notices it; the schedule goes on.</summary>
public sealed class BackupSchedule(IServiceProvider services, IOptions<BackupOptions> options, IOptions<Configuration.TrackStackOptions> platform,
    TimeProvider clock, ILogger<BackupSchedule> log)
{
    public async Task RunAsync(string target, Action<BackupResult>? written, CancellationToken ct)
    {
        var o = options.Value;
        var last = LastBackup.Read(Path.GetFullPath(platform.Value.DataDir));
        if (last is null || clock.GetUtcNow().UtcDateTime - last.Value > TimeSpan.FromHours(24)) await BackUpAsync(target, written, ct);
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(now.UtcDateTime.Date.AddHours(o.HourUtc), TimeSpan.Zero);
            if (next <= now) next = next.AddDays(1);
            try { await Task.Delay(next - now, clock, ct); }
            catch (OperationCanceledException) { return; }
            await BackUpAsync(target, written, ct);
        }
    }

    private async Task BackUpAsync(string target, Action<BackupResult>? written, CancellationToken ct)
    {
        try
        {
            var result = await services.GetRequiredService<BackupWriter>().WriteAsync(target, prune: true, ct);
            written?.Invoke(result);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception e)
        {
            log.LogError(e, "The nightly backup into {Directory} failed.", target);
        }
    }
}
