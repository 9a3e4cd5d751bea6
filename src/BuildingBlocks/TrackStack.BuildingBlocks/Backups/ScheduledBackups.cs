using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>The nightly backup of a server with <see cref="BackupOptions.Directory"/> set: at <see cref="BackupOptions.HourUtc"/>
/// each day, and at start when the last backup is more than a day old (a server that was off at that hour still
/// backs up once, not once per missed night). A failure is logged and the backup-age alert notices it.</summary>
internal sealed class ScheduledBackups(IServiceProvider services, IOptions<BackupOptions> options, IOptions<Configuration.TrackStackOptions> platform,
    TimeProvider clock, ILogger<ScheduledBackups> log, BackupGauge gauge) : BackgroundService
{
    /// <summary>Taken so the backup-age gauge exists from the start, with or without nightly backups.</summary>
    internal BackupGauge Gauge { get; } = gauge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Directory)) return;
        var last = LastBackup.Read(Path.GetFullPath(platform.Value.DataDir));
        if (last is null || clock.GetUtcNow().UtcDateTime - last.Value > TimeSpan.FromHours(24)) await RunAsync(o, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(now.UtcDateTime.Date.AddHours(o.HourUtc), TimeSpan.Zero);
            if (next <= now) next = next.AddDays(1);
            try { await Task.Delay(next - now, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            await RunAsync(o, stoppingToken);
        }
    }

    private async Task RunAsync(BackupOptions o, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<BackupWriter>().WriteAsync(o.Directory!, prune: true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The nightly backup into {Directory} failed.", o.Directory);
        }
    }
}
