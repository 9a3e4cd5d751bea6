using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TrackStack.BuildingBlocks.Observability;

/// <summary>The outbox backlog per module as gauges. The messaging workers measure it (a count and the oldest
/// pending row, at most every few seconds) and a scrape reads the last measurement, so scraping never queries a
/// database.</summary>
public sealed class OutboxGauges
{
    private readonly ConcurrentDictionary<string, (long Pending, DateTime? Oldest, long DeadLettered)> _byModule = new(StringComparer.Ordinal);

    public OutboxGauges(IMeterFactory meters, TimeProvider clock)
    {
        // A meter of this host's own (not the static one): two hosts in one process each report their outboxes.
        var meter = meters.Create(TrackStackTelemetry.Name);
        meter.CreateObservableGauge("trackstack.outbox.pending",
            () => _byModule.Select(m => new Measurement<long>(m.Value.Pending, new KeyValuePair<string, object?>("module", m.Key))),
            "{event}", "Events in a module's outbox not yet delivered.");
        meter.CreateObservableGauge("trackstack.outbox.oldest_age",
            () => _byModule.Select(m => new Measurement<double>(
                m.Value.Oldest is { } oldest ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds) : 0,
                new KeyValuePair<string, object?>("module", m.Key))),
            "s", "Age of the oldest undelivered event of a module's outbox (0 when empty).");
        meter.CreateObservableGauge("trackstack.events.dead_lettered",
            () => _byModule.Select(m => new Measurement<long>(m.Value.DeadLettered, new KeyValuePair<string, object?>("module", m.Key))),
            "{event}", "Events of a module (outbox and inbox) in the dead-letter state, waiting for an operator's replay.");
    }

    public void Report(string module, long pending, DateTime? oldest, long deadLettered) => _byModule[module] = (pending, oldest, deadLettered);
}
