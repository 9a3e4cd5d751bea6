using System.Security.Cryptography;
using System.Text;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>Opaque single-use secrets (refresh tokens, e-mail links): 256 random bits handed to the user,
/// only their SHA-256 kept in the database.</summary>
public static class SecretToken
{
    public static string Create() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
