using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrackStack.Households.Infrastructure;

/// <summary>Drops the cached role of every membership and the cached context of every household a SaveChanges
/// touches, after the change is committed (and once more right after the save, for saves outside a
/// transaction). Evicting only before the commit would let a concurrent read cache the old value again.</summary>
internal sealed class MembershipCacheInvalidation(MembershipCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<object>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var keys = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Membership m: keys.Add(MembershipDirectory.RoleKey(m.HouseholdId, m.UserId)); break;
                case Household h: keys.Add(MembershipDirectory.ContextKey(h.Id)); break;
            }
        }
    }

    /// <summary>Evicts what was collected; keeps the keys for the commit when the save ran inside a transaction.</summary>
    private void Flush(DbContext? context, bool committed)
    {
        if (context is null || !_pending.TryGetValue(context, out var keys)) return;
        foreach (var key in keys) cache.Invalidate(key);
        if (committed) keys.Clear();
    }
}
