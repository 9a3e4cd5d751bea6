using System.Security.Cryptography;
using System.Text;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>The anti-CSRF token is an HMAC of the session id: any service holding the shared key can check it
/// without state, and a token from one session is useless in another.</summary>
public sealed class XsrfToken(SigningKeys keys)
{
    public string For(string sessionId) =>
        Base64UrlEncode(HMACSHA256.HashData(keys.XsrfKey, Encoding.UTF8.GetBytes(sessionId)));

    public bool IsValid(string sessionId, string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var expected = Encoding.ASCII.GetBytes(For(sessionId));
        var actual = Encoding.ASCII.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
