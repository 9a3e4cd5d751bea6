using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>After a SaveChanges that stored outbox rows, wakes the module's relay.</summary>
internal sealed class OutboxSignalInterceptor<TContext>(MessagingSignal<TContext> signal) : SaveChangesInterceptor
    where TContext : DbContext
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Wake(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Status == MessageStatus.Pending))
        {
            signal.Notify();
        }
    }
}
