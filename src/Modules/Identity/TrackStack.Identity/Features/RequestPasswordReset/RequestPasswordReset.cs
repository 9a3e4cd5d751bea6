namespace TrackStack.Identity.Features.RequestPasswordReset;

public sealed record ForgotPasswordRequest(string? Email);

internal static class RequestPasswordReset
{
    public static void MapRequestPasswordReset(this RouteGroupBuilder auth) =>
        auth.MapPost("/forgot-password", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("E-mail a password reset link")
            .WithDescription("Always answers 202, whether or not the address has an account. Without SMTP the link is written to the server log.");

    internal static async Task<Accepted> HandleAsync(ForgotPasswordRequest request, UserManager<User> users, AccountEmails emails, CancellationToken ct)
    {
        var email = AccountRules.NormalizeEmail(request.Email);
        if (email.Length > 0 && await users.FindByEmailAsync(email) is { } user)
        {
            await emails.SendPasswordResetAsync(user, ct);
        }
        return TypedResults.Accepted((string?)null);
    }
}
