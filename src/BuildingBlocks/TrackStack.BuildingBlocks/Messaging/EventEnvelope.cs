namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>What travels between modules: the event's id, wire type and JSON body, and the W3C traceparent of the
/// activity that raised it (null when none was recorded).</summary>
public sealed record EventEnvelope(Guid EventId, string Type, string Payload, DateTime OccurredAt, string SourceModule, string? TraceParent = null);
