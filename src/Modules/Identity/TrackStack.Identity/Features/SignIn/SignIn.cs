namespace TrackStack.Identity.Features.SignIn;

internal static class SignIn
{
    public static void MapSignIn(this RouteGroupBuilder auth) =>
        auth.MapPost("/login", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Sign in (web app)")
            .WithDescription("Sets the httpOnly access and refresh cookies and the readable XSRF-TOKEN cookie. Later cookie-authenticated writes must echo XSRF-TOKEN in the X-XSRF-TOKEN header.");

    internal static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> HandleAsync(
        LoginRequest request, HttpContext http, CredentialCheck credentials, SessionService sessions, CancellationToken ct)
    {
        var outcome = await credentials.CheckAsync(http, request.Email, request.Password);
        if (outcome.Problem is not null) return outcome.Problem;
        var session = await sessions.StartAsync(outcome.User!, http, ct);
        sessions.WriteCookies(http, session);
        return TypedResults.Ok(new SessionResponse(outcome.User!.ToResponse(), session.AccessExpiresAt));
    }
}
