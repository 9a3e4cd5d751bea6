namespace TrackStack.BuildingBlocks.Households;

/// <summary>One household's context as this module last heard it from the Households events (table
/// household_contexts in every module database): what work without a request reads through
/// <see cref="HouseholdContexts"/>.</summary>
public sealed class StoredHouseholdContext
{
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "EUR";
    public string Locale { get; set; } = "en-GB";

    /// <summary>The household's version of the last event applied (0 for rows from before versions existed).</summary>
    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the household was deleted (its name and settings are cleared then); later events about it are dropped.</summary>
    public DateTime? DeletedAt { get; set; }

    public HouseholdContext ToContext() => new(HouseholdId, Name, TimeZone, Currency, Locale);
}
