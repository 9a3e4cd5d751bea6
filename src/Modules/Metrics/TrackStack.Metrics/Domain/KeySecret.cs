using System.Security.Cryptography;
using System.Text;

namespace TrackStack.Metrics.Domain;

/// <summary>The key format: "tsk_" and 39 lower-case base32 characters carrying 192 bits from
/// <see cref="RandomNumberGenerator"/>. The secret is shown once; the database keeps its SHA-256 in hex.</summary>
internal static class KeySecret
{
    public const string Marker = "tsk_";
    public const int PrefixLength = 12;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly System.Buffers.SearchValues<char> AlphabetChars = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>24 random bytes (192 bits) as 39 lower-case base32 characters after "tsk_".</summary>
    public static string Create()
    {
        var bytes = RandomNumberGenerator.GetBytes(24);
        var sb = new StringBuilder(Marker, Marker.Length + 40);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];

    /// <summary>Whether a presented value has the key's shape (cheap refusal before any lookup).</summary>
    public static bool LooksLikeKey(string value) =>
        value.Length is > 20 and < 100 && value.StartsWith(Marker, StringComparison.Ordinal) && value.AsSpan(Marker.Length).IndexOfAnyExcept(AlphabetChars) < 0;
}
