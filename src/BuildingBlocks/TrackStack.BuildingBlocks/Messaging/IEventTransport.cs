namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Carries events from a module's outbox relay to the inboxes of the subscribed modules.
/// Delivery is at-least-once: a returned task means every subscriber the transport can reach has the event
/// durably stored (in its inbox, or in its queue on a broker that confirmed it).</summary>
public interface IEventTransport
{
    /// <summary>Throws <see cref="TransportUnavailableException"/> when the transport cannot be reached at all (a broker
    /// that is down): the relay keeps the row pending without counting an attempt.</summary>
    Task<Delivery> PublishAsync(EventEnvelope envelope, CancellationToken ct);

    /// <summary>Whether this transport reaches the modules of every process, so rows held by an earlier start on the
    /// in-process transport can go out again.</summary>
    bool ReachesEveryModule { get; }
}

/// <summary>The transport is down (not the event's fault): retry later, do not count it toward the dead-letter limit.</summary>
public sealed class TransportUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public enum Delivery
{
    /// <summary>Every subscriber of the deployment has it: the outbox row is done.</summary>
    Complete,

    /// <summary>Only the subscribers in this process have it, and others may exist that this transport cannot
    /// reach: the outbox row is held, never marked done.</summary>
    ThisProcessOnly,
}
