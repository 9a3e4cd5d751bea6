namespace TrackStack.BuildingBlocks.Households;

/// <summary>One of a user's households; <paramref name="LastUsedAt"/> is when they last switched to it (null if never).</summary>
public sealed record HouseholdMembershipSummary(Guid HouseholdId, string Name, HouseholdRole Role, bool IsPersonal, DateTime? LastUsedAt = null);

/// <summary>What every module needs to know about a household to compute "days" and money: its IANA time zone,
/// ISO 4217 currency and locale (and its name, for e-mails).</summary>
public sealed record HouseholdContext(Guid HouseholdId, string Name, string TimeZone, string Currency, string Locale)
{
    /// <summary>A household no one has told this module about yet: UTC, euros, British English.</summary>
    public static HouseholdContext Unknown(Guid householdId) => new(householdId, "", "UTC", "EUR", "en-GB");

    /// <summary>Today's date in the household's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => TodayIn(TimeZone, clock);

    /// <summary>Today's date in an IANA time zone (UTC when the zone is unknown).</summary>
    public static DateOnly TodayIn(string timeZone, TimeProvider clock)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}

/// <summary>The port every module uses to learn a user's role in a household and the household's context. The
/// Households module answers it in-process from a cache its own writes invalidate; a module running as its own
/// service asks the Households service over HTTP (TrackStack.Households.Contracts). Either way no module joins
/// another module's tables.</summary>
public interface IHouseholdMembershipQuery
{
    /// <summary>The user's role, or null when the user is not a member (or the household does not exist).</summary>
    ValueTask<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct);

    Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct);

    /// <summary>Name, time zone, currency and locale of a household (null when it does not exist).</summary>
    ValueTask<HouseholdContext?> GetContextAsync(Guid householdId, CancellationToken ct);
}
