namespace TrackStack.Households.Contracts;

/// <summary>A household as GET /api/households/{id} answers it: settings and the caller's role; the list
/// (GET /api/households) also says when the caller last used it (null elsewhere and when never).</summary>
public sealed record HouseholdResponse(Guid Id, string Name, string TimeZone, string Currency, string Locale, bool IsPersonal, HouseholdRole MyRole, DateTime CreatedAt, DateTime? LastUsedAt = null);

/// <summary>A member as GET /api/households/{id}/members/{userId} answers it.</summary>
public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, HouseholdRole Role, DateTime JoinedAt);

/// <summary>The caller's own membership (GET /api/households/{id}/members/me).</summary>
public sealed record MyMembershipResponse(Guid HouseholdId, Guid UserId, HouseholdRole Role);
