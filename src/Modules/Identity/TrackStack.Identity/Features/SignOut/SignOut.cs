namespace TrackStack.Identity.Features.SignOut;

internal static class SignOut
{
    public static void MapSignOut(this RouteGroupBuilder auth) =>
        auth.MapPost("/logout", HandleAsync)
            .WithSummary("Sign out")
            .WithDescription("Revokes the session (its refresh tokens stop working) and clears the cookies. Scripts send {refreshToken}.");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(HttpContext http, SessionService sessions, XsrfToken xsrf, CancellationToken ct)
    {
        var read = await PresentedRefreshToken.ReadAsync(http, ct);
        if (read.RejectedWith is not null) return read.Refusal();
        var (presented, fromCookie) = read;
        if (!string.IsNullOrEmpty(presented))
        {
            var session = await sessions.FindSessionAsync(presented, ct);
            if (session is not null)
            {
                if (fromCookie && !xsrf.IsValid(session.Id.ToString(), http.Request.Headers[AuthConstants.XsrfHeader]))
                {
                    return XsrfToken.Missing();
                }
                await sessions.RevokeAsync(session.Id, "logout", ct);
            }
        }
        else if (http.User.GetSessionId() is { } sid)
        {
            await sessions.RevokeAsync(sid, "logout", ct);
        }
        SessionService.ClearCookies(http);
        return TypedResults.NoContent();
    }
}
