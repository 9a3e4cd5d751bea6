namespace TrackStack.Identity.Features.ResetPassword;

public sealed record ResetPasswordRequest(string? Token, string? Password);

internal static class ResetPassword
{
    public static void MapResetPassword(this RouteGroupBuilder auth) =>
        auth.MapPost("/reset-password", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Choose a new password with the token from the e-mailed link")
            .WithDescription("The token works once. All sessions of the account are signed out.");

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ResetPasswordRequest request, IdentityDb db, UserManager<User> users, SessionService sessions, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.ConsumeAsync(request.Token ?? "", EmailTokenPurpose.ResetPassword, clock.GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            return Problems.BadRequest("Invalid or expired link", "This reset link was already used or has expired. Ask for a new one.");
        }
        var errors = new FieldErrors();
        await AccountRules.CheckPasswordAsync(errors, users, user, request.Password);
        if (errors.Any) return errors.ToResult(); // the token stays unused: the transaction rolls back

        await PasswordChange.ApplyAsync(users, db, user, request.Password!);
        user.EmailConfirmed = true; // the link proved the address
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(user.Id, "password-reset", ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
