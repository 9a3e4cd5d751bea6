namespace TrackStack.Identity.Features.RegisterAccount;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisterResponse(UserResponse User, bool VerificationRequired, DateTime? AccessTokenExpiresAt);

internal static class RegisterAccount
{
    public static void MapRegisterAccount(this RouteGroupBuilder auth) =>
        auth.MapPost("/register", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Create an account")
            .WithDescription("Creates an account and its personal household. Without SMTP the account is active at once and signed in (cookies set); with SMTP a verification link is e-mailed first, and an address that already has an account gets the same answer (its owner is e-mailed instead), so sign-up does not tell who has an account. Without SMTP a taken address is a 400: there is no mail to send instead.");

    internal static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RegisterRequest request, HttpContext http, UserAccounts accounts, SessionService sessions, AccountEmails emails,
        IEmailSender sender, UserManager<User> users, IOptions<TrackStackOptions> options, CancellationToken ct)
    {
        if (!options.Value.Auth.AllowRegistration)
        {
            return Problems.Forbidden("Sign-up is closed on this server. Ask its operator for an account.");
        }
        var verificationRequired = sender.IsConfigured;
        var result = await accounts.CreateAsync(request.Email, request.Password, request.DisplayName, emailVerified: !verificationRequired, ct);
        if (result.EmailTaken && verificationRequired)
        {
            return await AnswerAsIfNewAsync(request, users, emails, ct);
        }
        if (result.Errors is not null) return result.Errors.ToResult();
        var user = result.User!;

        if (verificationRequired)
        {
            await emails.SendVerificationAsync(user, ct);
            return TypedResults.Created("/api/me", new RegisterResponse(user.ToResponse(), true, null));
        }
        var session = await sessions.StartAsync(user, http, ct);
        sessions.WriteCookies(http, session);
        return TypedResults.Created("/api/me", new RegisterResponse(user.ToResponse(), false, session.AccessExpiresAt));
    }

    /// <summary>The address has an account: the same answer as for a new one (a fresh id, verification required), after
    /// the same Argon2id work a new account costs, and an e-mail that tells the owner instead of a verification link.</summary>
    private static async Task<Created<RegisterResponse>> AnswerAsIfNewAsync(RegisterRequest request, UserManager<User> users, AccountEmails emails, CancellationToken ct)
    {
        var email = AccountRules.NormalizeEmail(request.Email);
        var owner = (await users.FindByEmailAsync(email))!;
        _ = users.PasswordHasher.HashPassword(owner, request.Password!);
        await emails.SendSignUpAttemptAsync(owner, ct);
        var stranger = new UserResponse(Guid.CreateVersion7(), email, request.DisplayName!.Trim(), false);
        return TypedResults.Created("/api/me", new RegisterResponse(stranger, true, null));
    }
}
