namespace TrackStack.Households;

/// <summary>A pending invite (the token is never shown again after creation).</summary>
public sealed record InviteResponse(Guid Id, string Email, HouseholdRole Role, DateTime CreatedAt, DateTime ExpiresAt);
