namespace TrackStack.Identity.Features.RefreshSession;

internal static class RefreshSession
{
    public static void MapRefreshSession(this RouteGroupBuilder auth) =>
        auth.MapPost("/refresh", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Renew the access token")
            .WithDescription("Rotates the refresh token. From the web app: refresh cookie plus X-XSRF-TOKEN header; from scripts: {refreshToken} in the body. Presenting an already rotated token revokes the whole session.");

    internal static async Task<Results<Ok<SessionResponse>, Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext http, SessionService sessions, XsrfToken xsrf, IdentityDb db, CancellationToken ct)
    {
        var read = await PresentedRefreshToken.ReadAsync(http, ct);
        if (read.RejectedWith is not null) return read.Refusal();
        var (presented, fromCookie) = read;
        if (string.IsNullOrEmpty(presented))
        {
            return Problems.Unauthorized("Not signed in", "No refresh token was sent.");
        }
        if (fromCookie)
        {
            // Cookie-authenticated: the request must prove it comes from our own page.
            var session = await sessions.FindSessionAsync(presented, ct);
            if (session is not null && !xsrf.IsValid(session.Id.ToString(), http.Request.Headers[AuthConstants.XsrfHeader]))
            {
                return XsrfToken.Missing();
            }
        }

        var (decision, issued) = await sessions.RefreshAsync(presented, ct);
        if (issued is null)
        {
            // A losing parallel refresh must not wipe the cookies the winning one just set.
            if (fromCookie && decision is not (RefreshDecision.Unknown or RefreshDecision.RecentlyRotated)) SessionService.ClearCookies(http);
            return Problems.Unauthorized(decision switch
            {
                RefreshDecision.Expired => "Session expired",
                RefreshDecision.ReuseDetected => "Session revoked: this refresh token was already used",
                RefreshDecision.SessionRevoked => "Session ended",
                RefreshDecision.RecentlyRotated => "Refreshed by another request; retry with the new cookie",
                _ => "Not signed in",
            }, "Sign in again.");
        }
        if (!fromCookie)
        {
            return TypedResults.Ok(new TokenResponse(issued.AccessToken, issued.AccessExpiresAt, issued.RefreshToken, issued.RefreshExpiresAt));
        }
        sessions.WriteCookies(http, issued);
        var userId = await db.Sessions.Where(s => s.Id == issued.SessionId).Select(s => s.UserId).FirstAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        return TypedResults.Ok(new SessionResponse(user.ToResponse(), issued.AccessExpiresAt));
    }
}
