namespace TrackStack.Identity.Contracts;

/// <summary>The Identity service's answer to "is the session of this access token still active?": GET with the
/// caller's token as bearer; 204 when active, 401 when the session has ended (or the token is not valid).</summary>
public static class SessionCheckEndpoint
{
    public const string Path = "/api/me/session";
}
