namespace TrackStack.Identity;

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The refresh token a request presents: scripts send it in the JSON body, the web app in the cookie
/// (then the request is cookie-authenticated and must carry the anti-CSRF header).</summary>
internal sealed record PresentedRefreshToken(string? Token, bool FromCookie)
{
    public static async Task<PresentedRefreshToken> ReadAsync(HttpContext http, CancellationToken ct)
    {
        RefreshRequest? body = null;
        if (http.Request.ContentLength != 0 && http.Request.HasJsonContentType())
        {
            try { body = await http.Request.ReadFromJsonAsync<RefreshRequest>(ct); }
            catch (System.Text.Json.JsonException) { }
        }
        return string.IsNullOrEmpty(body?.RefreshToken)
            ? new PresentedRefreshToken(http.Request.Cookies[AuthConstants.RefreshCookie], true)
            : new PresentedRefreshToken(body.RefreshToken, false);
    }
}
