namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>What travels between modules: the event's id, wire type and JSON body.</summary>
public sealed record EventEnvelope(Guid EventId, string Type, string Payload, DateTime OccurredAt, string SourceModule);
