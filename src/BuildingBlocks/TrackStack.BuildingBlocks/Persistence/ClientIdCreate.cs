using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>A household row whose id a client may choose (the offline queue sends its own UUID).</summary>
public interface IClientIdentified : IHouseholdOwned
{
    Guid Id { get; }
}

/// <summary>What an earlier create with the same client id left: the stored row, or nothing of this household
/// (the id is taken by another household: the create must pick another id).</summary>
public sealed record EarlierCreate<T>(T? Stored) where T : class
{
    public bool IdTakenElsewhere => Stored is null;
}

/// <summary>Idempotent create by client UUID: a repeated create with the same id is a no-op that returns the
/// stored row, also when two copies race (an offline queue replaying twice at once).</summary>
public static class ClientIdCreate
{
    /// <summary>The row an earlier create with this client id stored, or null when the id is new (or not given).
    /// Call it before validating, so a replay of an accepted create is answered even if the rules changed since.</summary>
    public static async Task<EarlierCreate<T>?> FindEarlierAsync<T>(this DbSet<T> set, Guid? clientId, CancellationToken ct)
        where T : class, IClientIdentified
    {
        if (clientId is not { } id) return null;
        var row = await set.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (row is null) return null;
        var context = (HouseholdDbContext)set.GetService<ICurrentDbContext>().Context;
        return new EarlierCreate<T>(row.HouseholdId == context.ScopedHouseholdId ? row : null);
    }

    /// <summary>Adds the row and saves. When a concurrent create with the same client id won the race, returns that
    /// stored row instead (Created = false) and drops every change of the failed save, so a later SaveChanges of the
    /// caller stores none of it; any other error propagates.</summary>
    public static async Task<(T Row, bool Created)> SaveNewAsync<T>(this DbContext db, T row, bool clientChoseId, CancellationToken ct)
        where T : class, IClientIdentified
    {
        db.Set<T>().Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return (row, true);
        }
        catch (DbUpdateException ex) when (clientChoseId && DbErrors.IsUniqueViolation(ex))
        {
            // The twin won: nothing of this attempt may be saved later, not the row nor what came with it (its outbox event).
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
            {
                entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            }
            var earlier = await db.Set<T>().FindEarlierAsync(row.Id, ct);
            if (earlier?.Stored is { } stored) return (stored, false);
            throw;
        }
    }
}
