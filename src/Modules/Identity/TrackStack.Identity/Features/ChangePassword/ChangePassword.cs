namespace TrackStack.Identity.Features.ChangePassword;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal static class ChangePassword
{
    public static void MapChangePassword(this RouteGroupBuilder me) =>
        me.MapPost("/password", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Change the password (signs out other sessions); wrong current passwords count toward lockout");

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ChangePasswordRequest request, HttpContext http, UserManager<User> users, IdentityDb db, SessionService sessions, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null) return Problems.Unauthorized("Account not found", "Sign in again.");
        var errors = new FieldErrors();
        if (user.PasswordHash is not null)
        {
            // A stolen access token must not become a way to guess the password: same lockout as sign-in.
            if (await users.IsLockedOutAsync(user)) return Problems.Forbidden("Too many wrong passwords. Try again later or reset your password.");
            if (!await users.CheckPasswordAsync(user, request.CurrentPassword ?? ""))
            {
                await users.AccessFailedAsync(user);
                errors.Add("currentPassword", "This is not your current password.");
            }
        }
        await AccountRules.CheckPasswordAsync(errors, users, user, request.NewPassword, "newPassword");
        if (errors.Any) return errors.ToResult();
        await PasswordChange.ApplyAsync(users, db, user, request.NewPassword!);
        // Every other device signs in again; this one keeps its session.
        await sessions.RevokeAllAsync(user.Id, "password-changed", ct, keep: http.User.GetSessionId());
        return TypedResults.NoContent();
    }
}
