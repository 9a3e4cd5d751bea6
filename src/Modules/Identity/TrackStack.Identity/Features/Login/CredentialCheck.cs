using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.Identity.Infrastructure;

namespace TrackStack.Identity.Features.Login;

/// <summary>Checks an e-mail and password with lockout: repeated failures lock the account for a while,
/// and unknown e-mails cost the same time as wrong passwords.</summary>
internal sealed class CredentialCheck(UserManager<User> users, IOptions<TrackStackOptions> options, TimeProvider clock)
{
    private static readonly Lazy<string> DummyHash = new(() => Sodium.HashPassword("not-a-real-password", 1, 8 * 1024));

    public sealed record Outcome(User? User, ProblemHttpResult? Problem);

    public async Task<Outcome> CheckAsync(HttpContext http, string? rawEmail, string? password)
    {
        var email = AccountRules.NormalizeEmail(rawEmail);
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            Sodium.Verify(DummyHash.Value, password ?? "");
            return new Outcome(null, WrongCredentials());
        }
        if (await users.IsLockedOutAsync(user)) return new Outcome(null, Locked(http, user));

        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            await users.AccessFailedAsync(user);
            return new Outcome(null, await users.IsLockedOutAsync(user) ? Locked(http, user) : WrongCredentials());
        }
        await users.ResetAccessFailedCountAsync(user);

        if (!user.EmailConfirmed)
        {
            return new Outcome(null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "E-mail not verified",
                detail: "Open the link we e-mailed you to activate the account, or ask for a new one.",
                extensions: new Dictionary<string, object?> { ["code"] = "email_not_verified" }));
        }
        return new Outcome(user, null);
    }

    private static ProblemHttpResult WrongCredentials() =>
        Problems.Unauthorized("Wrong e-mail or password", "Check both and try again.");

    private ProblemHttpResult Locked(HttpContext http, User user)
    {
        var seconds = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalSeconds)) : options.Value.Auth.LockoutMinutes * 60;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account temporarily locked",
            detail: $"Too many failed sign-ins. Try again in {Math.Ceiling(seconds / 60.0)} minutes, or reset your password.",
            extensions: new Dictionary<string, object?> { ["code"] = "locked_out" });
    }
}
