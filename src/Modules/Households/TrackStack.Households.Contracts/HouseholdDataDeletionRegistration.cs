using Microsoft.Extensions.DependencyInjection;

namespace TrackStack.Households.Contracts;

public static class HouseholdDataDeletionRegistration
{
    /// <summary>Deletes the module's data of a household when the household is deleted.</summary>
    public static IServiceCollection AddHouseholdDataDeletion<TContext>(this IServiceCollection services, string module)
        where TContext : HouseholdDbContext =>
        services.AddEventHandler<TContext, HouseholdDeleted, HouseholdDataDeleter<TContext>>($"{module}-household-deleted");
}

internal sealed class HouseholdDataDeleter<TContext>(TContext db) : IIntegrationEventHandler<HouseholdDeleted>
    where TContext : HouseholdDbContext
{
    public Task HandleAsync(HouseholdDeleted e, CancellationToken ct) => db.DeleteHouseholdDataAsync(ct);
}
