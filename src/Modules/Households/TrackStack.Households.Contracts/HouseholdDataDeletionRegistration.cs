using Microsoft.Extensions.DependencyInjection;

namespace TrackStack.Households.Contracts;

public static class HouseholdDataDeletionRegistration
{
    /// <summary>Deletes the module's data of a household when the household is deleted, and keeps a tombstone in its
    /// household contexts (name and settings cleared) so later events about the household are dropped. Every module
    /// with household data calls this (a test checks it).</summary>
    public static IServiceCollection AddHouseholdDataDeletion<TContext>(this IServiceCollection services, string module)
        where TContext : HouseholdDbContext =>
        services.AddEventHandler<TContext, HouseholdDeleted, HouseholdDataDeleter<TContext>>($"{module}-household-deleted");
}

internal sealed class HouseholdDataDeleter<TContext>(TContext db) : IIntegrationEventHandler<HouseholdDeleted>
    where TContext : HouseholdDbContext
{
    public async Task HandleAsync(HouseholdDeleted e, CancellationToken ct)
    {
        await db.DeleteHouseholdDataAsync(ct);
        await db.MarkHouseholdDeletedAsync(e.HouseholdId, e.OccurredAt, ct);
        await db.SaveChangesAsync(ct);
    }
}
