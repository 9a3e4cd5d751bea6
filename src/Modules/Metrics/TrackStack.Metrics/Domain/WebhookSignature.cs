using System.Security.Cryptography;
using System.Text;

namespace TrackStack.Metrics.Domain;

/// <summary>The webhook secret ("tsw_" and 64 hex characters, 256 random bits) and the X-TrackStack-Signature
/// header: "sha256=" and the lower-case hex HMAC-SHA256 of the raw body, keyed with the secret's UTF-8 bytes.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-TrackStack-Signature";
    public const string TimestampHeader = "X-TrackStack-Timestamp";

    public static string CreateSecret() => "tsw_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));
}
