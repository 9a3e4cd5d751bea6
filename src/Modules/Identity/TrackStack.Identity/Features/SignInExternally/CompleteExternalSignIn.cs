namespace TrackStack.Identity.Features.SignInExternally;

internal static class CompleteExternalSignIn
{
    public static void MapCompleteExternalSignIn(this RouteGroupBuilder auth) =>
        auth.MapGet("/external/complete", HandleAsync)
            .ExcludeFromDescription();

    internal static async Task<RedirectHttpResult> HandleAsync(
        string? returnUrl, HttpContext http, UserManager<User> users, UserAccounts accounts, SessionService sessions, AccountEmails emails,
        IOptions<TrackStackOptions> options, IEmailSender sender, CancellationToken ct)
    {
        var target = ReturnUrls.IsLocal(returnUrl) ? ReturnUrls.ToLocation(returnUrl!) : "/";
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
}
