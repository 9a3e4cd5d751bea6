using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Modules;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>Opens connections to the configured broker. The client's automatic recovery is off: the publisher and the
/// consumers reconnect themselves, with backoff, and declare their topology again each time, so one mechanism covers
/// both a broker that is down at start and one that goes away later.</summary>
internal sealed class RabbitMqConnections(IOptions<TrackStackOptions> options, ModuleSelection selection)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public RabbitMqTopology Topology { get; } = new(options.Value.Messaging.RabbitMq.Exchange);

    public RabbitMqOptions Settings => options.Value.Messaging.RabbitMq;

    public Task<IConnection> ConnectAsync(string purpose, CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(Settings.ConnectionString!),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            // A broker that vanished without closing the connection is noticed within seconds, not a minute.
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ClientProvidedName = $"trackstack {string.Join(',', selection.Started)} {purpose}",
        };
        return factory.CreateConnectionAsync(ct);
    }

    /// <summary>Half a second after the first failure, doubling, at most ten seconds.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, Math.Clamp(failures - 1, 0, 10))));
}
