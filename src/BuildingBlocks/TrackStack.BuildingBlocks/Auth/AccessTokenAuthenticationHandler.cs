using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>Validates the signed access token from the Authorization header (scripts) or the httpOnly
/// cookie (the web app). A thin adapter over Microsoft.IdentityModel.JsonWebTokens, because the JwtBearer
/// package is not available here and the token may come from a cookie.</summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string ViaCookieItem = "trackstack.auth.cookie";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var fromCookie = false;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Cookies.TryGetValue(AuthConstants.AccessCookie, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            token = cookie;
            fromCookie = true;
        }
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();

        var principal = await validator.ValidateAsync(token);
        if (principal is null) return AuthenticateResult.Fail("The access token is invalid or expired.");
        if (fromCookie) Context.Items[ViaCookieItem] = true;
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Checks an access token's signature, issuer, audience and lifetime.</summary>
public sealed class AccessTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public AccessTokenValidator(SigningKeys keys)
    {
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = AuthConstants.Issuer,
            ValidAudience = AuthConstants.Audience,
            IssuerSigningKey = keys.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = AuthConstants.NameClaim,
            RoleClaimType = "role",
        };
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
