using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TrackStack.BuildingBlocks.Http;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity.Features.Login;

public sealed record LoginRequest(string? Email, string? Password);

internal static class LoginEndpoints
{
    public static void MapLogin(this RouteGroupBuilder auth)
    {
        auth.MapPost("/login", LoginAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Sign in (web app)")
            .WithDescription("Sets the httpOnly access and refresh cookies and the readable XSRF-TOKEN cookie. Later cookie-authenticated writes must echo XSRF-TOKEN in the X-XSRF-TOKEN header.");
        auth.MapPost("/token", TokenAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Sign in (scripts)")
            .WithDescription("Returns a bearer access token and a refresh token in the body, sets no cookies. Send 'Authorization: Bearer <accessToken>'; renew with POST /api/auth/refresh {refreshToken}.");
    }

    internal static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, CredentialCheck credentials, SessionService sessions, CancellationToken ct)
    {
        var outcome = await credentials.CheckAsync(http, request.Email, request.Password);
        if (outcome.Problem is not null) return outcome.Problem;
        var session = await sessions.StartAsync(outcome.User!, http, ct);
        sessions.WriteCookies(http, session);
        return TypedResults.Ok(new SessionResponse(outcome.User!.ToResponse(), session.AccessExpiresAt));
    }

    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(
        LoginRequest request, HttpContext http, CredentialCheck credentials, SessionService sessions, CancellationToken ct)
    {
        var outcome = await credentials.CheckAsync(http, request.Email, request.Password);
        if (outcome.Problem is not null) return outcome.Problem;
        var s = await sessions.StartAsync(outcome.User!, http, ct);
        return TypedResults.Ok(new TokenResponse(s.AccessToken, s.AccessExpiresAt, s.RefreshToken, s.RefreshExpiresAt));
    }
}
