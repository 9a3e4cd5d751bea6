namespace TrackStack.Households;

/// <summary>Create and update a household. On create only the name is required.</summary>
public sealed record HouseholdSettingsRequest(string? Name, string? TimeZone, string? Currency, string? Locale);
