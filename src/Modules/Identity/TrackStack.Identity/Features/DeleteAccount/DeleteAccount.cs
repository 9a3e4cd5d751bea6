using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrackStack.Identity.Features.DeleteAccount;

public sealed record DeleteAccountRequest(string? Password);

internal static class DeleteAccount
{
    /// <summary>An account without a password (external sign-in only) proves itself by a sign-in this recent.</summary>
    internal static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(10);

    public static void MapDeleteAccount(this RouteGroupBuilder me) =>
        me.MapDelete("", HandleAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Delete your account (re-enter the password)")
            .WithDescription("Signs out every session at once, deletes the account with its external logins and tokens, and tells the other modules (UserDeleted). Send {password}; an account without a password needs a sign-in in the last 10 minutes instead. Wrong passwords count toward the lockout.");

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeleteAccountRequest? request,
        HttpContext http, UserManager<User> users, IdentityDb db, AccountRemoval removal, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null) return Problems.Unauthorized("Account not found", "Sign in again.");
        if (user.PasswordHash is not null)
        {
            // A stolen access token must not be enough to destroy the account, nor a way to guess the password.
            if (await users.IsLockedOutAsync(user)) return Problems.Forbidden("Too many wrong passwords. Try again later or reset your password.");
            if (!await users.CheckPasswordAsync(user, request?.Password ?? ""))
            {
                await users.AccessFailedAsync(user);
                return new FieldErrors().Add("password", "This is not your password.").ToResult();
            }
        }
        else
        {
            var sessionId = http.User.GetSessionId();
            var signedInAt = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync(ct);
            if (signedInAt is null || clock.GetUtcNow().UtcDateTime - signedInAt.Value > RecentSignIn)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Sign in again first",
                    detail: $"To delete an account without a password, sign in again and delete it within {RecentSignIn.TotalMinutes} minutes.",
                    extensions: new Dictionary<string, object?> { ["code"] = "reauthentication_required" });
            }
        }
        await removal.DeleteAsync(user, "its owner", ct);
        SessionService.ClearCookies(http);
        return TypedResults.NoContent();
    }
}
