namespace TrackStack.BuildingBlocks.Households;

public sealed record HouseholdMembershipSummary(Guid HouseholdId, string Name, HouseholdRole Role, bool IsPersonal);

/// <summary>The settings other modules need to compute "days" and money: IANA time zone, ISO 4217 currency, locale.</summary>
public sealed record HouseholdSettings(Guid HouseholdId, string Name, string TimeZone, string Currency, string Locale)
{
    /// <summary>Today's date in the household's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => TodayIn(TimeZone, clock);

    /// <summary>Today's date in an IANA time zone (UTC when the zone is unknown).</summary>
    public static DateOnly TodayIn(string timeZone, TimeProvider clock)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}

/// <summary>The port every module uses to learn a user's role in a household. The Households module answers
/// it in-process; a module running as its own service asks the Households service over HTTP. Either way no
/// module joins another module's tables.</summary>
public interface IHouseholdMembershipQuery
{
    /// <summary>The caller's role, or null when the caller is not a member (or the household does not exist).</summary>
    Task<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct);

    Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct);

    /// <summary>Name, time zone, currency and locale of a household (null when it does not exist).</summary>
    Task<HouseholdSettings?> GetSettingsAsync(Guid householdId, CancellationToken ct);
}
