using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Households.Contracts;

namespace TrackStack.Expenses.Features.Integration;

/// <summary>A new household gets its budget defaults, and Expenses remembers its time zone and currency.</summary>
internal sealed class HouseholdCreatedHandler(ExpensesDb db, BudgetSetup budget) : IIntegrationEventHandler<HouseholdCreated>
{
    public const string Name = "expenses-household-created";

    public async Task HandleAsync(HouseholdCreated e, CancellationToken ct)
    {
        await ProfileUpdater.UpsertAsync(db, e.HouseholdId, e.TimeZone, e.Currency, e.Locale, ct);
        await budget.EnsureAsync(e.HouseholdId, ct);
    }
}

internal sealed class HouseholdSettingsChangedHandler(ExpensesDb db) : IIntegrationEventHandler<HouseholdSettingsChanged>
{
    public const string Name = "expenses-household-settings-changed";

    public Task HandleAsync(HouseholdSettingsChanged e, CancellationToken ct) => ProfileUpdater.UpsertAsync(db, e.HouseholdId, e.TimeZone, e.Currency, e.Locale, ct);
}

internal static class ProfileUpdater
{
    public static async Task UpsertAsync(ExpensesDb db, Guid householdId, string timeZone, string currency, string locale, CancellationToken ct)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (profile is null)
        {
            profile = new HouseholdProfile { HouseholdId = householdId };
            db.Profiles.Add(profile);
        }
        profile.TimeZone = timeZone;
        profile.Currency = currency;
        profile.Locale = locale;
        await db.SaveChangesAsync(ct);
    }
}
