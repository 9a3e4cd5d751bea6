using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>The 403 every anti-CSRF check answers.</summary>
    public static ProblemHttpResult Missing() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Missing or invalid anti-CSRF token",
        detail: $"Send the value of the {AuthConstants.XsrfCookie} cookie in the {AuthConstants.XsrfHeader} header.");

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
