using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TrackStack.BuildingBlocks.Persistence;

public static class HouseholdDataDeletion
{
    private static readonly MethodInfo DeleteOne = typeof(HouseholdDataDeletion).GetMethod(nameof(DeleteAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Deletes every row of the household in scope from every household-owned table of the context (the
    /// household filter limits each DELETE to it), dependents before the rows they reference. Runs in the caller's
    /// transaction; returns the number of rows deleted.</summary>
    public static async Task<int> DeleteHouseholdDataAsync(this HouseholdDbContext db, CancellationToken ct)
    {
        _ = db.HouseholdId; // throws outside a household scope: never delete "everything"
        var remaining = db.Model.GetEntityTypes().Where(e => typeof(IHouseholdOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null).ToList();
        var deleted = 0;
        while (remaining.Count > 0)
        {
            // A table nobody left in the list references can go now.
            var free = remaining.Where(e => !remaining.Any(other => other != e && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType == e))).ToList();
            if (free.Count == 0) throw new InvalidOperationException("Household tables reference each other in a cycle.");
            foreach (var entity in free)
            {
                deleted += await (Task<int>)DeleteOne.MakeGenericMethod(entity.ClrType).Invoke(null, [db, ct])!;
                remaining.Remove(entity);
            }
        }
        return deleted;
    }

    private static Task<int> DeleteAsync<T>(DbContext db, CancellationToken ct) where T : class => db.Set<T>().ExecuteDeleteAsync(ct);
}
