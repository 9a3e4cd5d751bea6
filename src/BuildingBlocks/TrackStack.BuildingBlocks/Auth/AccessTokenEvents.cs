using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>What TrackStack adds to ASP.NET Core's JwtBearer handler: the token may come from the httpOnly
/// <c>ts_access</c> cookie (the web app) when there is no bearer header, such requests are marked for
/// <see cref="XsrfMiddleware"/>, and a token whose session has ended is refused (<see cref="ISessionValidity"/>).</summary>
internal sealed class AccessTokenEvents(ISessionValidity sessions, ILogger<AccessTokenEvents> logger) : JwtBearerEvents
{
    /// <summary>HttpContext.Items key present when the access token came from the cookie.</summary>
    public const string ViaCookieItem = "trackstack.auth.cookie";

    private static readonly object Marker = new();
    private const string UncheckedItem = "trackstack.auth.unchecked";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count > 0 && header[0]!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.CompletedTask;
        if (context.Request.Cookies.TryGetValue(AuthConstants.AccessCookie, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            context.Token = cookie;
            context.HttpContext.Items[ViaCookieItem] = Marker;
        }
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirst(AuthConstants.SessionIdClaim)?.Value, out var sessionId)
            || !Guid.TryParse(principal.FindFirst(AuthConstants.UserIdClaim)?.Value, out var userId))
        {
            context.Fail("The access token names no session.");
            return;
        }
        var token = (context.SecurityToken as JsonWebToken)?.EncodedToken ?? "";
        var aborted = context.HttpContext.RequestAborted;
        bool active;
        try
        {
            active = await sessions.IsActiveAsync(new SessionCheck(sessionId, userId, token), aborted);
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not check whether session {SessionId} is active; the request is refused", sessionId);
            // Only an outage is a 503 to retry; a bug stays a refusal (401) so it cannot become an endless retry.
            if (Persistence.DbErrors.IsUnavailable(ex)) context.HttpContext.Items[UncheckedItem] = Marker;
            context.Fail("The session could not be checked.");
            return;
        }
        if (!active) context.Fail("The session has ended.");
    }

    /// <summary>A session that could not be checked (Identity or its database down) is a 503 to retry, not a 401 that
    /// would sign the web app out.</summary>
    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        if (!context.HttpContext.Items.ContainsKey(UncheckedItem)) return;
        context.HandleResponse();
        var problems = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>();
        await TrackStack.BuildingBlocks.Http.UnavailableExceptionHandler.WriteAsync(context.HttpContext, problems, null);
    }
}
