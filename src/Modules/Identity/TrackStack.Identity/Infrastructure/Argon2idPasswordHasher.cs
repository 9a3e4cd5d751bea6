namespace TrackStack.Identity.Infrastructure;

/// <summary>Argon2id PHC strings ($argon2id$v=19$m=...,t=...,p=1$salt$hash) through libsodium. When the configured
/// cost changes, a successful sign-in reports SuccessRehashNeeded and Identity stores a fresh hash.</summary>
internal sealed class Argon2idPasswordHasher(IOptions<TrackStackOptions> options) : IPasswordHasher<User>
{
    private ulong Ops => (ulong)options.Value.Auth.PasswordHashIterations;
    private nuint Mem => (nuint)options.Value.Auth.PasswordHashMemoryKiB * 1024;

    public string HashPassword(User user, string password) => Sodium.HashPassword(password, Ops, Mem);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        if (string.IsNullOrEmpty(hashedPassword) || !hashedPassword.StartsWith("$argon2", StringComparison.Ordinal))
        {
            return PasswordVerificationResult.Failed;
        }
        if (!Sodium.Verify(hashedPassword, providedPassword)) return PasswordVerificationResult.Failed;
        return Sodium.NeedsRehash(hashedPassword, Ops, Mem) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Success;
    }
}
