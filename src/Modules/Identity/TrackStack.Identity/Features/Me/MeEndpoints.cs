using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Http;
using Microsoft.EntityFrameworkCore;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity.Features.Me;

public sealed record UpdateProfileRequest(string? DisplayName);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

internal static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Account");
        me.MapGet("", GetAsync).WithSummary("The signed-in user and their households with roles");
        me.MapPut("", UpdateAsync).WithSummary("Change the display name");
        me.MapPost("/password", ChangePasswordAsync)
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Change the password (signs out other sessions); wrong current passwords count toward lockout");
    }

    internal static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(HttpContext http, UserManager<User> users, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null) return Problems.Unauthorized("Account not found", "Sign in again.");
        var logins = (await users.GetLoginsAsync(user)).Select(l => l.LoginProvider.ToLowerInvariant()).ToList();
        var memberships = http.RequestServices.GetService<IHouseholdMembershipQuery>();
        var households = memberships is null
            ? []
            : (await memberships.ListForUserAsync(user.Id, ct)).Select(h => new MeHouseholdResponse(h.HouseholdId, h.Name, h.Role, h.IsPersonal)).ToList();
        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, user.PasswordHash is not null, logins, households));
    }

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(UpdateProfileRequest request, HttpContext http, UserManager<User> users)
    {
        var user = await users.FindByIdAsync(http.User.GetUserId().ToString());
        if (user is null) return Problems.Unauthorized("Account not found", "Sign in again.");
        var errors = new FieldErrors();
        AccountRules.CheckDisplayName(errors, request.DisplayName);
        if (errors.Any) return errors.ToResult();
        user.DisplayName = request.DisplayName!.Trim();
        await users.UpdateAsync(user);
        return TypedResults.Ok(user.ToResponse());
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
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
        var current = http.User.GetSessionId();
        await sessions.RevokeAllAsync(user.Id, "password-changed", ct);
        if (current is not null) await sessions.RestoreAsync(current.Value, ct);
        return TypedResults.NoContent();
    }
}

internal static class PasswordChange
{
    /// <summary>Stores a new hash (already validated) and a new security stamp, and voids every reset link still
    /// waiting in a mailbox.</summary>
    public static async Task ApplyAsync(UserManager<User> users, IdentityDb db, User user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await users.UpdateSecurityStampAsync(user);
        var now = DateTime.UtcNow;
        await db.EmailTokens.Where(t => t.UserId == user.Id && t.Purpose == Domain.EmailTokenPurpose.ResetPassword && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
    }
}
