using System.Runtime.InteropServices;
using System.Text;

namespace TrackStack.Identity.Infrastructure;

/// <summary>The few libsodium calls behind Argon2id password hashing (Debian package libsodium23).
/// No managed Argon2 package is available here, and cryptography is never written by hand.</summary>
internal static partial class Sodium
{
    private const string Library = "libsodium.so.23";
    public const int StrBytes = 128; // crypto_pwhash_STRBYTES
    private const int AlgArgon2id13 = 2; // crypto_pwhash_ALG_ARGON2ID13

    private static readonly Lazy<bool> Initialised = new(() =>
    {
        try
        {
            if (NativeInit() < 0) throw new InvalidOperationException("sodium_init failed.");
        }
        catch (DllNotFoundException ex)
        {
            throw new InvalidOperationException("libsodium is missing: install it with 'apt-get install libsodium23' (Debian/Ubuntu).", ex);
        }
        return true;
    });

    public static void EnsureInitialised() => _ = Initialised.Value;

    public static string HashPassword(string password, ulong opsLimit, nuint memLimitBytes)
    {
        EnsureInitialised();
        var pwd = Encoding.UTF8.GetBytes(password);
        var output = new byte[StrBytes];
        if (PwHashStrAlg(output, pwd, (ulong)pwd.Length, opsLimit, memLimitBytes, AlgArgon2id13) != 0)
        {
            throw new InvalidOperationException("Argon2id hashing failed (out of memory?).");
        }
        return Encoding.ASCII.GetString(output, 0, Array.IndexOf(output, (byte)0));
    }

    public static bool Verify(string hash, string password)
    {
        EnsureInitialised();
        var pwd = Encoding.UTF8.GetBytes(password);
        var str = NullTerminated(hash);
        return PwHashStrVerify(str, pwd, (ulong)pwd.Length) == 0;
    }

    /// <summary>True when the hash was made with other parameters (or another algorithm) than these.</summary>
    public static bool NeedsRehash(string hash, ulong opsLimit, nuint memLimitBytes)
    {
        EnsureInitialised();
        return PwHashStrNeedsRehash(NullTerminated(hash), opsLimit, memLimitBytes) != 0;
    }

    private static byte[] NullTerminated(string s)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(s) + 1];
        Encoding.ASCII.GetBytes(s, 0, s.Length, bytes, 0);
        return bytes;
    }

    [LibraryImport(Library, EntryPoint = "sodium_init")]
    private static partial int NativeInit();

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_str_alg")]
    private static partial int PwHashStrAlg(byte[] output, byte[] passwd, ulong passwdLen, ulong opsLimit, nuint memLimit, int alg);

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_str_verify")]
    private static partial int PwHashStrVerify(byte[] str, byte[] passwd, ulong passwdLen);

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_str_needs_rehash")]
    private static partial int PwHashStrNeedsRehash(byte[] str, ulong opsLimit, nuint memLimit);
}
