using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Email;
using TrackStack.Identity.Features.Register;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity.Features.ExternalLogin;

public sealed record ProviderResponse(string Name, string DisplayName, string SignInUrl);

internal static class ExternalLoginEndpoints
{
    public static void MapExternalLogin(this RouteGroupBuilder auth)
    {
        auth.MapGet("/providers", Providers)
            .WithSummary("External sign-in providers enabled on this server (GitHub, Google)");
        auth.MapGet("/external/{provider}", Challenge)
            .WithSummary("Start signing in with an external provider")
            .WithDescription("Redirects to the provider; afterwards the browser lands on returnUrl (a local path) signed in.");
        auth.MapGet("/external/complete", CompleteAsync)
            .ExcludeFromDescription();
    }

    internal static Ok<ProviderResponse[]> Providers(IOptions<TrackStackOptions> options) =>
        TypedResults.Ok(ExternalProviders.Enabled(options.Value.OAuth)
            .Select(p => new ProviderResponse(p.Name, p.DisplayName, $"/api/auth/external/{p.Name}")).ToArray());

    internal static Results<ChallengeHttpResult, ProblemHttpResult> Challenge(string provider, string? returnUrl, IOptions<TrackStackOptions> options)
    {
        var enabled = ExternalProviders.Enabled(options.Value.OAuth).FirstOrDefault(p => p.Name == provider);
        if (enabled is null) return Problems.NotFound("Sign-in provider");
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        var properties = new AuthenticationProperties { RedirectUri = $"/api/auth/external/complete?returnUrl={Uri.EscapeDataString(target)}" };
        properties.Items["provider"] = enabled.Name;
        return TypedResults.Challenge(properties, [enabled.Name]);
    }

    internal static async Task<RedirectHttpResult> CompleteAsync(
        string? returnUrl, HttpContext http, UserManager<User> users, UserAccounts accounts, SessionService sessions, AccountEmails emails,
        IOptions<TrackStackOptions> options, IEmailSender sender, CancellationToken ct)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        var result = await http.AuthenticateAsync(ExternalProviders.ExternalScheme);
        await http.SignOutAsync(ExternalProviders.ExternalScheme);
        if (!result.Succeeded || result.Principal is null || result.Properties?.Items.TryGetValue("provider", out var provider) != true || provider is null)
        {
            return Fail("external_failed");
        }
        var principal = result.Principal;
        var key = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(key)) return Fail("external_failed");
        var email = AccountRules.NormalizeEmail(principal.FindFirstValue(ClaimTypes.Email));
        var verified = principal.FindFirstValue(ExternalProviders.VerifiedEmailClaim) == "true";
        var login = new UserLoginInfo(provider, key, provider);

        var user = await users.FindByLoginAsync(provider, key);
        if (user is null)
        {
            if (email.Length == 0) return Fail("email_required");
            var existing = await users.FindByEmailAsync(email);
            if (existing is not null)
            {
                // Linking is safe only when the provider vouches for the address AND the account proved it owns it:
                // otherwise whoever pre-registered the address (with their own password) would share the account.
                if (!verified || !existing.EmailConfirmed) return Fail("account_exists");
                await users.AddLoginAsync(existing, login);
                existing.EmailConfirmed = true;
                await users.UpdateAsync(existing);
                user = existing;
            }
            else
            {
                if (!options.Value.Auth.AllowRegistration) return Fail("registration_closed");
                var name = principal.FindFirstValue(ClaimTypes.Name) ?? email.Split('@')[0];
                // Like sign-up: without SMTP there is no way to verify, so the account is active at once.
                var active = verified || !sender.IsConfigured;
                var created = await accounts.CreateAsync(email, null, name.Length > 100 ? name[..100] : name, emailVerified: active, ct, login);
                if (created.User is null) return Fail("external_failed");
                user = created.User;
                if (!active)
                {
                    await emails.SendVerificationAsync(user, ct);
                    return TypedResults.Redirect("/sign-in?notice=verify_email");
                }
            }
        }
        if (await users.IsLockedOutAsync(user)) return Fail("locked_out");
        if (!user.EmailConfirmed) return Fail("email_not_verified");
        var session = await sessions.StartAsync(user, http, ct);
        sessions.WriteCookies(http, session);
        return TypedResults.Redirect(target);
    }

    private static RedirectHttpResult Fail(string code) => TypedResults.Redirect($"/sign-in?error={code}");

    /// <summary>A path on this site: starts with one '/', and holds no backslash, control or space character
    /// (browsers drop tabs and newlines, so "/%09/evil.example" would become "//evil.example").</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));
}
