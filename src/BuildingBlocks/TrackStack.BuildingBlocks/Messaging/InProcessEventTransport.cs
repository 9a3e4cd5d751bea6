using TrackStack.BuildingBlocks.Modules;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>The monolith's transport: hands an event straight to the inbox of every subscribed module in
/// this process. Same semantics as a broker: at-least-once, asynchronous, idempotent consumers. In a process that
/// runs only some modules it cannot know (or reach) the subscribers of the others, so it says so and the relay
/// holds the event instead of marking it delivered.</summary>
internal sealed class InProcessEventTransport(IEnumerable<EventSubscription> subscriptions, IEnumerable<IInboxStore> inboxes, ModuleSelection selection) : IEventTransport
{
    private readonly EventSubscription[] _subscriptions = subscriptions.ToArray();
    private readonly IInboxStore[] _inboxes = inboxes.ToArray();

    public bool ReachesEveryModule => !selection.IsSubset;

    public async Task<Delivery> PublishAsync(EventEnvelope envelope, CancellationToken ct)
    {
        foreach (var group in _subscriptions.Where(s => s.EventType == envelope.Type).GroupBy(s => s.ContextType))
        {
            var inbox = _inboxes.First(i => i.ContextType == group.Key);
            await inbox.StoreAsync(envelope, group.Select(s => s.Handler).ToArray(), ct);
        }
        return selection.IsSubset ? Delivery.ThisProcessOnly : Delivery.Complete;
    }
}
