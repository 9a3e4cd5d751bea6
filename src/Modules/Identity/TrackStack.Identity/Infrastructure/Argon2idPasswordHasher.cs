using System.Security.Cryptography;
using System.Text;
using Geralt;

namespace TrackStack.Identity.Infrastructure;

/// <summary>Argon2id PHC strings ($argon2id$v=19$m=...,t=...,p=1$salt$hash): libsodium's crypto_pwhash_str through
/// Geralt, whose libsodium package ships the native library, so no system package is needed. When the configured
/// cost changes, a successful sign-in reports SuccessRehashNeeded and Identity stores a fresh hash.</summary>
internal sealed class Argon2idPasswordHasher(IOptions<TrackStackOptions> options) : IPasswordHasher<User>
{
    private int Iterations => options.Value.Auth.PasswordHashIterations;
    private int MemoryKiB => options.Value.Auth.PasswordHashMemoryKiB;

    public string HashPassword(User user, string password) => Hash(password, Iterations, MemoryKiB);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        if (!Verify(hashedPassword, providedPassword)) return PasswordVerificationResult.Failed;
        return Argon2id.NeedsRehash(hashedPassword, Iterations, MemoryKiB * 1024)
            ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Success;
    }

    /// <summary>A new hash with a random salt at the given cost (passes, memory in KiB).</summary>
    public static string Hash(string password, int iterations, int memoryKiB)
    {
        Span<char> hash = stackalloc char[Argon2id.HashSize];
        var secret = Encoding.UTF8.GetBytes(password);
        try
        {
            Argon2id.ComputeHash(hash, secret, iterations, memoryKiB * 1024);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
        return new string(hash.TrimEnd('\0'));
    }

    /// <summary>True when the password matches; false for a wrong password and for anything that is not an
    /// Argon2id string (an Identity v3 hash, a truncated value).</summary>
    public static bool Verify(string? hashedPassword, string password)
    {
        if (string.IsNullOrEmpty(hashedPassword) || !hashedPassword.StartsWith("$argon2id$", StringComparison.Ordinal)) return false;
        var secret = Encoding.UTF8.GetBytes(password);
        try
        {
            return Argon2id.VerifyHash(hashedPassword, secret);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return false; // malformed stored value
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
