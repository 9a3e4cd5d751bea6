namespace TrackStack.Households.Contracts;

/// <summary>A household as GET /api/households/{id} answers it: settings and the caller's role.</summary>
public sealed record HouseholdResponse(Guid Id, string Name, string TimeZone, string Currency, string Locale, bool IsPersonal, HouseholdRole MyRole, DateTime CreatedAt);

/// <summary>A member as GET /api/households/{id}/members/{userId} answers it.</summary>
public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, HouseholdRole Role, DateTime JoinedAt);

/// <summary>The caller's own membership (GET /api/households/{id}/members/me).</summary>
public sealed record MyMembershipResponse(Guid HouseholdId, Guid UserId, HouseholdRole Role);
