namespace TrackStack.IntegrationTests.Monitoring;

/// <summary>The tests that read a host's /metrics run alone. OpenTelemetry's meter listener is process-wide: with other
/// test hosts running, a host's provider also sees their ASP.NET Core meters (same names), keeps only one of each,
/// and its scrape may then lack its own requests. One host per process, as in production, has no such mix.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MonitoringCollection
{
    public const string Name = "Monitoring (alone)";
}
