using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Expenses.Domain;

namespace TrackStack.Expenses.Infrastructure;

/// <summary>"Today" in a household's time zone, from the profile Expenses keeps (fed by Households' events,
/// refreshed on use when a caller is present). Background jobs use the stored profile.</summary>
internal sealed class HouseholdClock(ExpensesDb db, TimeProvider clock, IServiceProvider services)
{
    public async Task<HouseholdProfile> ProfileAsync(Guid householdId, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (profile is not null) return profile;
        // Not seen through events yet (module added later, or event still in flight): ask the Households port.
        var query = services.GetService(typeof(IHouseholdMembershipQuery)) as IHouseholdMembershipQuery;
        HouseholdContext? settings = null;
        try
        {
            if (query is not null) settings = await query.GetContextAsync(householdId, ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            // A background job has no caller to ask the Households service with: use UTC until the events arrive.
        }
        profile = new HouseholdProfile { HouseholdId = householdId, TimeZone = settings?.TimeZone ?? "UTC", Currency = settings?.Currency ?? "EUR", Locale = settings?.Locale ?? "en-GB" };
        if (settings is not null)
        {
            db.Profiles.Add(profile);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); }
        }
        return profile;
    }

    public async Task<DateOnly> TodayAsync(Guid householdId, CancellationToken ct) => Today(await ProfileAsync(householdId, ct));

    public DateOnly Today(HouseholdProfile profile) => HouseholdContext.TodayIn(profile.TimeZone, clock);
}
