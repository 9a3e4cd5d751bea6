using TrackStack.BuildingBlocks.Households;

namespace TrackStack.Identity.Features;

public sealed record UserResponse(Guid Id, string Email, string DisplayName, bool EmailVerified);

public sealed record SessionResponse(UserResponse User, DateTime AccessTokenExpiresAt);

public sealed record TokenResponse(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, string TokenType = "Bearer");

public sealed record MeResponse(Guid Id, string Email, string DisplayName, bool EmailVerified, bool HasPassword, IReadOnlyList<string> ExternalLogins, IReadOnlyList<MeHouseholdResponse> Households);

public sealed record MeHouseholdResponse(Guid Id, string Name, HouseholdRole Role, bool IsPersonal);
