using TrackStack.BuildingBlocks.Households;
using TrackStack.Households.Domain;

namespace TrackStack.Households.Features;

public sealed record HouseholdResponse(Guid Id, string Name, string TimeZone, string Currency, string Locale, bool IsPersonal, HouseholdRole MyRole, DateTime CreatedAt);

public sealed record HouseholdSettingsRequest(string? Name, string? TimeZone, string? Currency, string? Locale);

public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, HouseholdRole Role, DateTime JoinedAt);

internal static class HouseholdMapping
{
    public static HouseholdResponse ToResponse(this Household h, HouseholdRole role) =>
        new(h.Id, h.Name, h.TimeZone, h.Currency, h.Locale, h.IsPersonal, role, h.CreatedAt);

    public static MemberResponse ToResponse(this Membership m) => new(m.UserId, m.Email, m.DisplayName, m.Role, m.JoinedAt);

    public static string Wire(this HouseholdRole role) => role.ToString().ToLowerInvariant();
}
