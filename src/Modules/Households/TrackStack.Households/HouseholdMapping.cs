namespace TrackStack.Households;

internal static class HouseholdMapping
{
    public static HouseholdResponse ToResponse(this Household h, HouseholdRole role) =>
        new(h.Id, h.Name, h.TimeZone, h.Currency, h.Locale, h.IsPersonal, role, h.CreatedAt);

    public static MemberResponse ToResponse(this Membership m) => new(m.UserId, m.Email, m.DisplayName, m.Role, m.JoinedAt);

    public static string Wire(this HouseholdRole role) => role.ToString().ToLowerInvariant();
}
