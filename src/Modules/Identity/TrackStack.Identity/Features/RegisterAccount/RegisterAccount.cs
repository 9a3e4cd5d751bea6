namespace TrackStack.Identity.Features.RegisterAccount;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisterResponse(UserResponse User, bool VerificationRequired, DateTime? AccessTokenExpiresAt);

internal static class RegisterAccount
{
    public static void MapRegisterAccount(this RouteGroupBuilder auth) =>
        auth.MapPost("/register", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Create an account")
            .WithDescription("Creates an account and its personal household. Without SMTP the account is active at once and signed in (cookies set); with SMTP a verification link is e-mailed first.");

    internal static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RegisterRequest request, HttpContext http, UserAccounts accounts, SessionService sessions, AccountEmails emails,
        IEmailSender sender, IOptions<TrackStackOptions> options, CancellationToken ct)
    {
        if (!options.Value.Auth.AllowRegistration)
        {
            return Problems.Forbidden("Sign-up is closed on this server. Ask its operator for an account.");
        }
        var verificationRequired = sender.IsConfigured;
        var result = await accounts.CreateAsync(request.Email, request.Password, request.DisplayName, emailVerified: !verificationRequired, ct);
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
}
