using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Http;
using TrackStack.Identity.Domain;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity.Features.VerifyEmail;

public sealed record VerifyEmailRequest(string? Token);

public sealed record ResendVerificationRequest(string? Email);

internal static class VerifyEmailEndpoints
{
    public static void MapVerifyEmail(this RouteGroupBuilder auth)
    {
        auth.MapPost("/verify-email", VerifyAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Confirm an e-mail address with the token from the e-mailed link");
        auth.MapPost("/verify-email/resend", ResendAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Send the verification link again")
            .WithDescription("Always answers 202, whether or not the address has an account.");
    }

    internal static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> VerifyAsync(
        VerifyEmailRequest request, IdentityDb db, UserManager<User> users, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.ConsumeAsync(request.Token ?? "", EmailTokenPurpose.VerifyEmail, clock.GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            return Problems.BadRequest("Invalid or expired link", "This verification link was already used or has expired. Ask for a new one.");
        }
        user.EmailConfirmed = true;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(user.ToResponse());
    }

    internal static async Task<Accepted> ResendAsync(ResendVerificationRequest request, UserManager<User> users, AccountEmails emails, CancellationToken ct)
    {
        var email = AccountRules.NormalizeEmail(request.Email);
        if (email.Length > 0 && await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            await emails.SendVerificationAsync(user, ct);
        }
        return TypedResults.Accepted((string?)null);
    }
}
