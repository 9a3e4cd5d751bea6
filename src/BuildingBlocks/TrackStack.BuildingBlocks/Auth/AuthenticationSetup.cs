using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace TrackStack.BuildingBlocks.Auth;

public static class AuthenticationSetup
{
    /// <summary>Access tokens (HS256 JWTs signed with <see cref="SigningKeys"/>) checked by ASP.NET Core's JwtBearer
    /// handler, from the Authorization header or the ts_access cookie, plus the session check and the anti-CSRF
    /// token. The session check (<see cref="ISessionValidity"/>) comes from the Identity module, or from its
    /// Contracts' client in a service without it.</summary>
    public static IServiceCollection AddTrackStackAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<XsrfToken>();
        services.AddSingleton<AccessTokenEvents>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthConstants.Scheme;
                o.DefaultChallengeScheme = AuthConstants.Scheme;
            })
            .AddJwtBearer(AuthConstants.Scheme, o =>
            {
                o.MapInboundClaims = false;
                o.EventsType = typeof(AccessTokenEvents);
            });
        services.AddOptions<JwtBearerOptions>(AuthConstants.Scheme)
            .Configure<SigningKeys>((o, keys) => o.TokenValidationParameters = ValidationParameters(keys));
        services.AddAuthorization();
        return services;
    }

    /// <summary>Signature (HS256 with our key only), issuer, audience and lifetime.</summary>
    public static TokenValidationParameters ValidationParameters(SigningKeys keys) => new()
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
