using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Wakes the module's relay once outbox rows are committed: right after a SaveChanges that stored them
/// outside a transaction, or when the transaction around it commits (waking earlier would find nothing to claim and
/// leave the event to the next poll).</summary>
internal sealed class OutboxSignalInterceptor<TContext>(MessagingSignal<TContext> signal) : SaveChangesInterceptor, IDbTransactionInterceptor
    where TContext : DbContext
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => WakeIfPending(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeIfPending(eventData.Context);
        return Task.CompletedTask;
    }

    private void Wake(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Status == MessageStatus.Pending)) return;
        if (context.Database.CurrentTransaction is null) signal.Notify();
        else _pending.AddOrUpdate(context, true);
    }

    private void WakeIfPending(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) signal.Notify();
    }
}
