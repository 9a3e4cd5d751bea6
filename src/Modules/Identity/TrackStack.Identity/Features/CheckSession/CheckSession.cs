namespace TrackStack.Identity.Features.CheckSession;

internal static class CheckSession
{
    public static void MapCheckSession(this RouteGroupBuilder me) =>
        me.MapGet("/session", HandleAsync)
            .WithSummary("Whether the caller's session is still active (asked by services that run without the Identity module)")
            .WithDescription("204 when the session of the presented access token is active; 401 once it has ended (sign-out, password change or reset, refresh-token reuse, account removal). Answered from the database, not from a cache.");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(HttpContext http, IdentityDb db, CancellationToken ct)
    {
        var sessionId = http.User.GetSessionId();
        var active = sessionId is not null && await SessionValidity.IsActiveInDatabaseAsync(db, sessionId.Value, http.User.GetUserId(), ct);
        return active ? TypedResults.NoContent() : Problems.Unauthorized("Session ended", "Sign in again.");
    }
}
