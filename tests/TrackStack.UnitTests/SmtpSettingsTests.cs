using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.UnitTests;

public sealed class SmtpSettingsTests
{
    private const string Sha256 = "3F:A1:0B:22:9C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09:1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7";

    private static List<string> Errors(SmtpOptions smtp) =>
        new TrackStackOptionsValidator().Validate(null, new TrackStackOptions { Smtp = smtp }).Failures?.ToList() ?? [];

    [Theory]
    [InlineData(Sha256)]
    [InlineData("3fa10b229c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7")]
    public void A_sha256_fingerprint_with_or_without_colons_is_accepted(string thumbprint)
    {
        Assert.Empty(Errors(new SmtpOptions { Host = "relay.lan", CertificateThumbprint = thumbprint }));
        Assert.Equal("3FA10B229C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7", SmtpOptions.NormalizeThumbprint(thumbprint));
    }

    [Theory]
    [InlineData("3F:A1:0B:22:9C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09:1A:2B")] // SHA-1 length
    [InlineData("not a fingerprint")]
    public void Anything_but_a_sha256_fingerprint_is_refused(string thumbprint) =>
        Assert.Contains(Errors(new SmtpOptions { Host = "relay.lan", CertificateThumbprint = thumbprint }),
            e => e.StartsWith("TrackStack__Smtp__CertificateThumbprint: must be the SHA-256", StringComparison.Ordinal));

    [Fact]
    public void A_pinned_certificate_without_starttls_is_a_mistake() =>
        Assert.Contains(Errors(new SmtpOptions { Host = "relay.lan", CertificateThumbprint = Sha256, StartTls = false }),
            e => e.StartsWith("TrackStack__Smtp__CertificateThumbprint: only applies", StringComparison.Ordinal));
}
