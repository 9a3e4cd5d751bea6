namespace TrackStack.Identity.Features.ResendVerification;

public sealed record ResendVerificationRequest(string? Email);

internal static class ResendVerification
{
    public static void MapResendVerification(this RouteGroupBuilder auth) =>
        auth.MapPost("/verify-email/resend", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Send the verification link again")
            .WithDescription("Always answers 202, whether or not the address has an account.");

    internal static async Task<Accepted> HandleAsync(ResendVerificationRequest request, UserManager<User> users, AccountEmails emails, CancellationToken ct)
    {
        var email = AccountRules.NormalizeEmail(request.Email);
        if (email.Length > 0 && await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            await emails.SendVerificationAsync(user, ct);
        }
        return TypedResults.Accepted((string?)null);
    }
}
