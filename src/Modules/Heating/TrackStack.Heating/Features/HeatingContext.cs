using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Heating.Domain;
using TrackStack.Heating.Infrastructure;

namespace TrackStack.Heating.Features;

/// <summary>What most heating endpoints need first: the household's settings and its "today".</summary>
internal static class HeatingContext
{
    /// <summary>The stored settings, or the defaults (stored only when <paramref name="persist"/> is set).</summary>
    public static async Task<HeatingSettings> SettingsAsync(HeatingDb db, Guid householdId, TimeProvider clock, bool persist, CancellationToken ct)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(s => s.HouseholdId == householdId, ct);
        if (settings is not null) return settings;
        settings = HeatingSettings.Defaults(householdId, clock.GetUtcNow().UtcDateTime);
        if (!persist) return settings;
        db.Settings.Add(settings);
        try
        {
            await db.SaveChangesAsync(ct);
            return settings;
        }
        catch (DbUpdateException)
        {
            // Two first reads raced: the other one stored the defaults.
            db.ChangeTracker.Clear();
            return await db.Settings.FirstAsync(s => s.HouseholdId == householdId, ct);
        }
    }

    /// <summary>Today in the household's time zone.</summary>
    public static async Task<DateOnly> TodayAsync(IHouseholdMembershipQuery households, Guid householdId, TimeProvider clock, CancellationToken ct)
    {
        var settings = await households.GetContextAsync(householdId, ct);
        return settings?.Today(clock) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Checks an optional from/to filter (from ≤ to).</summary>
    public static void CheckRange(BuildingBlocks.FieldErrors errors, DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t) errors.Add("to", "to must be on or after from.");
    }

    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>Dates of records: not before 1900 and not after tomorrow (a little slack for time zones).</summary>
    public static void CheckRecordDate(BuildingBlocks.FieldErrors errors, DateOnly? date, DateOnly today, string field = "date")
    {
        if (date is not { } d) errors.Add(field, "date is required (yyyy-MM-dd).");
        else if (d < EarliestDate) errors.Add(field, "date must be in 1900 or later.");
        else if (d > today.AddDays(1)) errors.Add(field, "date cannot be in the future.");
    }

    public static void CheckText(BuildingBlocks.FieldErrors errors, string? value, string field, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(field, $"{field} must be at most {max} characters.");
    }

    public static string? CleanText(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Rounds for display: measured quantities do not need 15 digits.</summary>
    public static double R(double value, int digits = 3) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    public static double? R(double? value, int digits = 3) => value is { } v ? R(v, digits) : null;
}
