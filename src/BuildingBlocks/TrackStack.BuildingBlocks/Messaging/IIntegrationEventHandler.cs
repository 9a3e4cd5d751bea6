namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Handles one event type inside the consuming module. Runs in a transaction on the module's
/// scoped DbContext; the handler changes entities and must not call SaveChanges itself.</summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent e, CancellationToken ct);
}
