namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

/// <summary>A module of this process that handles events: its inbox and, per event type, the names of its handlers.</summary>
internal sealed record ModuleQueue(string Module, IInboxStore Inbox, IReadOnlyDictionary<string, string[]> Handlers)
{
    public static IEnumerable<ModuleQueue> For(IEnumerable<EventSubscription> subscriptions, IEnumerable<IInboxStore> inboxes)
    {
        var stores = inboxes.ToArray();
        return subscriptions.GroupBy(s => s.ContextType).Select(module =>
        {
            var inbox = stores.First(i => i.ContextType == module.Key);
            return new ModuleQueue(inbox.Module, inbox, module.GroupBy(s => s.EventType).ToDictionary(t => t.Key, t => t.Select(s => s.Handler).ToArray()));
        });
    }
}
