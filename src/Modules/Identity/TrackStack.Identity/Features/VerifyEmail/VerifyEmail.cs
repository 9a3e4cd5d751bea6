namespace TrackStack.Identity.Features.VerifyEmail;

public sealed record VerifyEmailRequest(string? Token);

internal static class VerifyEmail
{
    public static void MapVerifyEmail(this RouteGroupBuilder auth) =>
        auth.MapPost("/verify-email", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Confirm an e-mail address with the token from the e-mailed link");

    internal static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> HandleAsync(
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
}
