using TrackStack.BuildingBlocks.Observability;
using System.Collections.Concurrent;

namespace TrackStack.Identity;

/// <summary>Checks an e-mail and password with lockout. An unknown e-mail costs the same hashing work as a wrong
/// password and locks the same way after the same number of failures, so neither timing nor the lockout answer
/// tells whether an account exists.</summary>
internal sealed class CredentialCheck(UserManager<User> users, IMemoryCache cache, IOptions<TrackStackOptions> options, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<(int Ops, int Mem), string> DummyHashes = new();

    public sealed record Outcome(User? User, ProblemHttpResult? Problem);

    private sealed class UnknownFailures
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    public async Task<Outcome> CheckAsync(HttpContext http, string? rawEmail, string? password)
    {
        var auth = options.Value.Auth;
        var email = AccountRules.NormalizeEmail(rawEmail);
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null) return new Outcome(null, FailUnknown(http, email, password ?? "", auth));

        if (await users.IsLockedOutAsync(user)) return new Outcome(null, Locked(http, user.LockoutEnd));
        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            await users.AccessFailedAsync(user);
            TrackStackTelemetry.SignInFailures.Add(1);
            if (!await users.IsLockedOutAsync(user)) return new Outcome(null, WrongCredentials());
            TrackStackTelemetry.Lockouts.Add(1);
            return new Outcome(null, Locked(http, user.LockoutEnd));
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

    private ProblemHttpResult FailUnknown(HttpContext http, string email, string password, AuthOptions auth)
    {
        var key = ("unknown-login", email);
        var failures = cache.GetOrCreate(key, e =>
        {
            e.SlidingExpiration = TimeSpan.FromMinutes(auth.LockoutMinutes * 2);
            return new UnknownFailures();
        })!;
        lock (failures)
        {
            if (failures.LockedUntil > clock.GetUtcNow()) return Locked(http, failures.LockedUntil);
        }
        // Same Argon2id cost as a real account's hash.
        var dummy = DummyHashes.GetOrAdd((auth.PasswordHashIterations, auth.PasswordHashMemoryKiB),
            c => Argon2idPasswordHasher.Hash("not-a-real-password", c.Ops, c.Mem));
        Argon2idPasswordHasher.Verify(dummy, password);
        TrackStackTelemetry.SignInFailures.Add(1);
        lock (failures)
        {
            failures.Count++;
            if (failures.Count >= auth.MaxFailedLogins)
            {
                failures.Count = 0;
                failures.LockedUntil = clock.GetUtcNow().AddMinutes(auth.LockoutMinutes);
                TrackStackTelemetry.Lockouts.Add(1);
                return Locked(http, failures.LockedUntil);
            }
        }
        return WrongCredentials();
    }

    private static ProblemHttpResult WrongCredentials() =>
        Problems.Unauthorized("Wrong e-mail or password", "Check both and try again.");

    private ProblemHttpResult Locked(HttpContext http, DateTimeOffset? until)
    {
        var seconds = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalSeconds)) : options.Value.Auth.LockoutMinutes * 60;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account temporarily locked",
            detail: $"Too many failed sign-ins. Try again in {Math.Ceiling(seconds / 60.0)} minutes, or reset your password.",
            extensions: new Dictionary<string, object?> { ["code"] = "locked_out" });
    }
}
