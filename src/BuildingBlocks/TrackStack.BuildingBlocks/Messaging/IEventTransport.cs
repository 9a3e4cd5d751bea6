namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Carries events from a module's outbox relay to the inboxes of the subscribed modules.
/// Delivery is at-least-once: a returned task means every subscriber has the event durably stored.</summary>
public interface IEventTransport
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken ct);
}
