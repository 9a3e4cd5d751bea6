using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using SettingsOAuth = TrackStack.BuildingBlocks.Configuration.OAuthOptions;
using HandlerOAuth = Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions;

namespace TrackStack.Identity.Infrastructure;

/// <summary>GitHub and Google sign-in through ASP.NET Core's built-in OAuth handler (the provider-specific
/// packages are not in the registry here). A provider is registered only when its client id and secret are set.</summary>
internal static class ExternalProviders
{
    public const string ExternalScheme = "external";
    public const string VerifiedEmailClaim = "email_verified";

    public sealed record Provider(string Name, string DisplayName);

    public static readonly Provider GitHub = new("github", "GitHub");
    public static readonly Provider Google = new("google", "Google");

    public static IReadOnlyList<Provider> Enabled(SettingsOAuth o) =>
        new[] { (GitHub, o.GitHub), (Google, o.Google) }.Where(p => p.Item2.IsConfigured).Select(p => p.Item1).ToList();

    public static void Register(AuthenticationBuilder auth, SettingsOAuth o)
    {
        if (Enabled(o).Count == 0) return;
        auth.AddCookie(ExternalScheme, c =>
        {
            c.Cookie.Name = "ts_external";
            c.Cookie.Path = "/api/auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        if (o.GitHub.IsConfigured)
        {
            auth.AddOAuth(GitHub.Name, GitHub.DisplayName, x =>
            {
                Common(x, o.GitHub, GitHub.Name);
                x.AuthorizationEndpoint = o.GitHub.AuthorizationEndpoint ?? "https://github.com/login/oauth/authorize";
                x.TokenEndpoint = o.GitHub.TokenEndpoint ?? "https://github.com/login/oauth/access_token";
                x.UserInformationEndpoint = o.GitHub.UserInformationEndpoint ?? "https://api.github.com/user";
                x.Scope.Add("read:user");
                x.Scope.Add("user:email");
                x.ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "id");
                x.ClaimActions.MapCustomJson(ClaimTypes.Name, j => Str(j, "name") ?? Str(j, "login"));
                var emails = o.GitHub.EmailsEndpoint ?? "https://api.github.com/user/emails";
                x.Events.OnCreatingTicket = async ctx =>
                {
                    using var user = await GetJsonAsync(ctx, ctx.Options.UserInformationEndpoint);
                    ctx.RunClaimActions(user.RootElement);
                    // GitHub's profile e-mail is optional and unverified: ask for the primary verified address.
                    using var list = await GetJsonAsync(ctx, emails);
                    foreach (var e in list.RootElement.EnumerateArray())
                    {
                        if (e.TryGetProperty("primary", out var p) && p.GetBoolean() && e.TryGetProperty("verified", out var v) && v.GetBoolean())
                        {
                            ctx.Identity!.AddClaim(new Claim(ClaimTypes.Email, e.GetProperty("email").GetString()!));
                            ctx.Identity.AddClaim(new Claim(VerifiedEmailClaim, "true"));
                            break;
                        }
                    }
                };
            });
        }
        if (o.Google.IsConfigured)
        {
            auth.AddOAuth(Google.Name, Google.DisplayName, x =>
            {
                Common(x, o.Google, Google.Name);
                x.AuthorizationEndpoint = o.Google.AuthorizationEndpoint ?? "https://accounts.google.com/o/oauth2/v2/auth";
                x.TokenEndpoint = o.Google.TokenEndpoint ?? "https://oauth2.googleapis.com/token";
                x.UserInformationEndpoint = o.Google.UserInformationEndpoint ?? "https://openidconnect.googleapis.com/v1/userinfo";
                x.Scope.Add("openid");
                x.Scope.Add("email");
                x.Scope.Add("profile");
                x.ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "sub");
                x.ClaimActions.MapJsonKey(ClaimTypes.Name, "name");
                x.ClaimActions.MapJsonKey(ClaimTypes.Email, "email");
                x.ClaimActions.MapCustomJson(VerifiedEmailClaim, j => j.TryGetProperty("email_verified", out var v) && v.ValueKind == JsonValueKind.True ? "true" : null);
                x.Events.OnCreatingTicket = async ctx =>
                {
                    using var user = await GetJsonAsync(ctx, ctx.Options.UserInformationEndpoint);
                    ctx.RunClaimActions(user.RootElement);
                };
            });
        }
    }

    private static void Common(HandlerOAuth x, OAuthProviderOptions p, string name)
    {
        x.ClientId = p.ClientId!;
        x.ClientSecret = p.ClientSecret!;
        x.CallbackPath = $"/api/auth/signin-{name}";
        x.SignInScheme = ExternalScheme;
        x.UsePkce = true;
        x.CorrelationCookie.SameSite = SameSiteMode.Lax;
        x.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Cancel at the provider (?error=access_denied), a missing or forged state, an expired correlation cookie, a
        // failing token endpoint: the browser lands on the sign-in page with a reason, never on a 500.
        x.Events.OnRemoteFailure = ctx =>
        {
            ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalProviders))
                .LogInformation("External sign-in with {Provider} did not complete: {Reason}", name, ctx.Failure?.Message);
            ctx.Response.Redirect(FailedSignIn);
            ctx.HandleResponse();
            return Task.CompletedTask;
        };
    }

    public const string FailedSignIn = "/sign-in?error=external_failed";

    private static async Task<JsonDocument> GetJsonAsync(OAuthCreatingTicketContext ctx, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ctx.AccessToken);
        request.Headers.UserAgent.ParseAdd("TrackStack");
        using var response = await ctx.Backchannel.SendAsync(request, ctx.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ctx.HttpContext.RequestAborted));
    }

    private static string? Str(JsonElement j, string name) =>
        j.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
