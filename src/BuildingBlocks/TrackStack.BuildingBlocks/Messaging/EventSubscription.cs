namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>One handler of one module subscribed to one event type.</summary>
public sealed record EventSubscription(
    Type ContextType,
    string EventType,
    Type ClrType,
    string Handler,
    Func<IServiceProvider, object, CancellationToken, Task> Invoke);
