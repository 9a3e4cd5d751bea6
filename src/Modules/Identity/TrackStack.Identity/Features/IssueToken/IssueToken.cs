namespace TrackStack.Identity.Features.IssueToken;

internal static class IssueToken
{
    public static void MapIssueToken(this RouteGroupBuilder auth) =>
        auth.MapPost("/token", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Sign in (scripts)")
            .WithDescription("Returns a bearer access token and a refresh token in the body, sets no cookies. Send 'Authorization: Bearer <accessToken>'; renew with POST /api/auth/refresh {refreshToken}.");

    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        LoginRequest request, HttpContext http, CredentialCheck credentials, SessionService sessions, CancellationToken ct)
    {
        var outcome = await credentials.CheckAsync(http, request.Email, request.Password);
        if (outcome.Problem is not null) return outcome.Problem;
        var s = await sessions.StartAsync(outcome.User!, http, ct);
        return TypedResults.Ok(new TokenResponse(s.AccessToken, s.AccessExpiresAt, s.RefreshToken, s.RefreshExpiresAt));
    }
}
