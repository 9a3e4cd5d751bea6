using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>The DbContext of a module that keeps household data. Every entity implementing
/// <see cref="IHouseholdOwned"/> gets a query filter on the household in <see cref="HouseholdScope"/> (applied by
/// <see cref="ModelConventions.ApplyModuleConventions"/>), so no query needs a hand-written household check, and
/// SaveChanges refuses rows of another household. Cross-household work (a job scanning every household, an
/// operator tool) says so with <c>IgnoreQueryFilters()</c>.</summary>
public abstract class HouseholdDbContext(DbContextOptions options, HouseholdScope scope) : DbContext(options)
{
    /// <summary>Read by the query filters at query time (EF parameterises it per query). Guid.Empty matches no
    /// row: outside a household scope household data is invisible.</summary>
    public Guid ScopedHouseholdId => scope.Current ?? Guid.Empty;

    /// <summary>The household this context acts for; throws outside a household scope.</summary>
    public Guid HouseholdId => scope.Current ?? throw new InvalidOperationException("No household is in scope for this unit of work.");

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardHousehold();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardHousehold();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A written row must belong to the household in scope (when there is one): a bug that sets another
    /// household's id fails here instead of storing foreign data.</summary>
    private void GuardHousehold()
    {
        if (scope.Current is not { } current) return;
        foreach (var entry in ChangeTracker.Entries<IHouseholdOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.HouseholdId != current)
            {
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of household {entry.Entity.HouseholdId} was about to be written while acting for household {current}.");
            }
        }
    }
}
