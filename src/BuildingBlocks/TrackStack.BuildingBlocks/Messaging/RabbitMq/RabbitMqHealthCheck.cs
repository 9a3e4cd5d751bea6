using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>Part of /health/ready: the broker is reachable (the publisher's connection is open, or opens now). A
/// service whose broker is down still takes requests — its events wait in the outbox — but should not count as ready.</summary>
internal sealed class RabbitMqHealthCheck(RabbitMqEventTransport transport) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await transport.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy("RabbitMQ is reachable.");
        }
        catch (TransportUnavailableException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}
