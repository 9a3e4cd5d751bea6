using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrackStack.Households.Contracts;

public static class HouseholdContextProjection
{
    /// <summary>Keeps the module's household_contexts projection (see <see cref="HouseholdContexts"/>) fed by the
    /// Households events. A module whose background work needs a household's time zone or currency calls this.</summary>
    public static IServiceCollection AddHouseholdContextProjection<TContext>(this IServiceCollection services, string module,
        string? createdHandler = null, string? changedHandler = null)
        where TContext : DbContext
    {
        services.AddEventHandler<TContext, HouseholdCreated, HouseholdContextProjector<TContext>>(createdHandler ?? $"{module}-household-context-created");
        services.AddEventHandler<TContext, HouseholdSettingsChanged, HouseholdContextProjector<TContext>>(changedHandler ?? $"{module}-household-context-changed");
        return services;
    }
}

internal sealed class HouseholdContextProjector<TContext>(TContext db) : IIntegrationEventHandler<HouseholdCreated>, IIntegrationEventHandler<HouseholdSettingsChanged>
    where TContext : DbContext
{
    public async Task HandleAsync(HouseholdCreated e, CancellationToken ct)
    {
        await db.ApplyHouseholdContextAsync(new HouseholdContext(e.HouseholdId, e.Name, e.TimeZone, e.Currency, e.Locale), e.Version, e.OccurredAt, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task HandleAsync(HouseholdSettingsChanged e, CancellationToken ct)
    {
        await db.ApplyHouseholdContextAsync(new HouseholdContext(e.HouseholdId, e.Name, e.TimeZone, e.Currency, e.Locale), e.Version, e.OccurredAt, ct);
        await db.SaveChangesAsync(ct);
    }
}
