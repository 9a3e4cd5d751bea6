using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.BuildingBlocks.Backups;

public static class BackupSetup
{
    public static IServiceCollection AddTrackStackBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection($"{TrackStackOptions.Section}:Backup"))
            .Validate(o => o.HourUtc is >= 0 and <= 23, "TrackStack__Backup__HourUtc: must be 0 to 23.")
            .Validate(o => o.KeepDaily >= 1, "TrackStack__Backup__KeepDaily: must be at least 1.")
            .Validate(o => o.KeepWeekly >= 0 && o.KeepMonthly >= 0, "TrackStack__Backup__KeepWeekly and KeepMonthly: must be 0 or more.")
            .Validate(o => string.IsNullOrWhiteSpace(o.S3.AccessKeyId) == string.IsNullOrWhiteSpace(o.S3.SecretAccessKey), "TrackStack__Backup__S3__AccessKeyId and __SecretAccessKey: give both or neither.")
            .Validate(o => string.IsNullOrWhiteSpace(o.S3.ServiceUrl) || Uri.TryCreate(o.S3.ServiceUrl, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https"), "TrackStack__Backup__S3__ServiceUrl: must be an http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<BackupWriter>();
        services.AddSingleton<BackupRestorer>();
        services.AddSingleton<BackupSchedule>();
        services.AddSingleton<BackupImporter>();
        services.AddSingleton<BackupGauge>();
        services.AddHostedService<ScheduledBackups>();
        return services;
    }
}

/// <summary>When the last backup completed, as a gauge (Unix seconds, 0 when there has been none): read from the
/// data dir's marker at most every 30 seconds, so a backup made by the command counts too.</summary>
internal sealed class BackupGauge
{
    private double _value;
    private DateTime _readAt = DateTime.MinValue;

    public BackupGauge(IMeterFactory meters, IOptions<TrackStackOptions> options, TimeProvider clock)
    {
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        meters.Create(TrackStackTelemetry.Name).CreateObservableGauge("trackstack.backup.last_success_time", () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (now - _readAt > TimeSpan.FromSeconds(30))
            {
                _value = LastBackup.Read(dataDir) is { } at ? new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds() : 0;
                _readAt = now;
            }
            return _value;
        }, "s", "When the last backup of this installation completed (Unix time; 0 when there has been none).");
    }
}
