using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Households;

/// <summary>The one projection of household contexts every module database keeps (table household_contexts),
/// for work without a request: a request gets the same from <see cref="HouseholdAccess.Context"/>.</summary>
public static class HouseholdContexts
{
    /// <summary>The context this module holds for a household, or <see cref="HouseholdContext.Unknown"/> (UTC)
    /// until the Households events have arrived.</summary>
    public static async Task<HouseholdContext> GetHouseholdContextAsync(this DbContext db, Guid householdId, CancellationToken ct)
    {
        var row = await db.Set<StoredHouseholdContext>().AsNoTracking().FirstOrDefaultAsync(c => c.HouseholdId == householdId, ct);
        return row?.ToContext() ?? HouseholdContext.Unknown(householdId);
    }

    /// <summary>Whether this module deleted the household (then every later event about it is dropped).</summary>
    public static Task<bool> IsHouseholdDeletedAsync(this DbContext db, Guid householdId, CancellationToken ct) =>
        db.Set<StoredHouseholdContext>().AnyAsync(c => c.HouseholdId == householdId && c.DeletedAt != null, ct);

    /// <summary>Forgets a deleted household's context (its name and settings) but keeps a tombstone. The caller saves.</summary>
    public static async Task MarkHouseholdDeletedAsync(this DbContext db, Guid householdId, DateTime at, CancellationToken ct)
    {
        var set = db.Set<StoredHouseholdContext>();
        var row = await set.FirstOrDefaultAsync(c => c.HouseholdId == householdId, ct);
        if (row is null)
        {
            row = new StoredHouseholdContext { HouseholdId = householdId };
            set.Add(row);
        }
        (row.Name, row.TimeZone, row.Currency, row.Locale, row.UpdatedAt, row.DeletedAt) = ("", "UTC", "EUR", "en-GB", at, at);
    }

    /// <summary>Records a household's context from one of its events, unless a newer version is already held
    /// (events of one household may arrive out of order). Version 0 comes from events stored before versions
    /// existed: those apply only over rows of version 0, the last one winning as before. The caller saves.</summary>
    public static async Task ApplyHouseholdContextAsync(this DbContext db, HouseholdContext context, long version, DateTime at, CancellationToken ct)
    {
        var set = db.Set<StoredHouseholdContext>();
        var row = await set.FirstOrDefaultAsync(c => c.HouseholdId == context.HouseholdId, ct);
        if (row is null)
        {
            row = new StoredHouseholdContext { HouseholdId = context.HouseholdId };
            set.Add(row);
        }
        else if (row.DeletedAt is not null || version < row.Version || (version == row.Version && version != 0))
        {
            return;
        }
        row.Name = context.Name.Length > 100 ? context.Name[..100] : context.Name;
        row.TimeZone = context.TimeZone;
        row.Currency = context.Currency;
        row.Locale = context.Locale;
        row.Version = version;
        row.UpdatedAt = at;
    }
}
