using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Messaging;

public static class OutboxExtensions
{
    /// <summary>Queues an event in the module's outbox; it is stored by the next SaveChanges, in the same
    /// transaction as the change it describes, and delivered by the relay after commit.</summary>
    public static void PublishEvent(this DbContext context, IIntegrationEvent e)
    {
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = e.EventId,
            Type = EventTypeAttribute.NameOf(e.GetType()),
            Payload = EventSerializer.Serialize(e),
            OccurredAt = e.OccurredAt,
            Status = MessageStatus.Pending,
            NextAttemptAt = e.OccurredAt,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        });
    }
}
