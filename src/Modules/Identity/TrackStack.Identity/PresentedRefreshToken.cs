namespace TrackStack.Identity;

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The refresh token a request presents: scripts send it in the JSON body, the web app in the cookie
/// (then the request is cookie-authenticated and must carry the anti-CSRF header).</summary>
internal sealed record PresentedRefreshToken(string? Token, bool FromCookie)
{
    /// <summary>Set when the body could not be read (too large: 413); answer <see cref="Refusal"/> then.</summary>
    public int? RejectedWith { get; init; }

    public ProblemHttpResult Refusal() => TypedResults.Problem(statusCode: RejectedWith ?? StatusCodes.Status400BadRequest,
        title: RejectedWith == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Unreadable request body");

    public static async Task<PresentedRefreshToken> ReadAsync(HttpContext http, CancellationToken ct)
    {
        RefreshRequest? body = null;
        if (http.Request.ContentLength != 0 && http.Request.HasJsonContentType())
        {
            try { body = await http.Request.ReadFromJsonAsync<RefreshRequest>(ct); }
            catch (System.Text.Json.JsonException) { }
            catch (BadHttpRequestException ex)
            {
                // Over the server's body limit (or a broken upload): Kestrel's status, not a 500.
                return new PresentedRefreshToken(null, false) { RejectedWith = ex.StatusCode };
            }
        }
        return string.IsNullOrEmpty(body?.RefreshToken)
            ? new PresentedRefreshToken(http.Request.Cookies[AuthConstants.RefreshCookie], true)
            : new PresentedRefreshToken(body.RefreshToken, false);
    }
}
