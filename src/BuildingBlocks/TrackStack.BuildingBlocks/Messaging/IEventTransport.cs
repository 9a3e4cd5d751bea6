namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Carries events from a module's outbox relay to the inboxes of the subscribed modules.
/// Delivery is at-least-once: a returned task means every subscriber the transport can reach has the event
/// durably stored.</summary>
public interface IEventTransport
{
    Task<Delivery> PublishAsync(EventEnvelope envelope, CancellationToken ct);
}

public enum Delivery
{
    /// <summary>Every subscriber of the deployment has it: the outbox row is done.</summary>
    Complete,

    /// <summary>Only the subscribers in this process have it, and others may exist that this transport cannot
    /// reach: the outbox row is held, never marked done.</summary>
    ThisProcessOnly,
}
