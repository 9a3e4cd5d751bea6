namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Handles one event type inside the consuming module. Runs inside a transaction on the module's
/// scoped DbContext: whatever the handler saves commits together with the inbox row, or not at all.</summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent e, CancellationToken ct);
}
