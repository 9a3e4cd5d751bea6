namespace TrackStack.Identity;

/// <summary>The account as sign-up, sign-in, refresh and profile changes return it.</summary>
public sealed record UserResponse(Guid Id, string Email, string DisplayName, bool EmailVerified);

/// <summary>A cookie session was started or renewed (web app).</summary>
public sealed record SessionResponse(UserResponse User, DateTime AccessTokenExpiresAt);

/// <summary>Tokens for scripts: send the access token as a bearer token, renew with the refresh token.</summary>
public sealed record TokenResponse(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, string TokenType = "Bearer");

/// <summary>Sign-in by e-mail and password, for cookies (login) or tokens (token).</summary>
public sealed record LoginRequest(string? Email, string? Password);
