using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TrackStack.BuildingBlocks.Email;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>The SMTP adapter against a real server (aiosmtpd): STARTTLS with certificate validation and one pinned
/// certificate, credentials only under TLS, and MIME messages with an HTML body, inline parts and attachments.</summary>
public sealed class SmtpDeliveryTests
{
    private const string User = "relay-user";
    private const string Secret = "relay-secret-4711";

    private static Dictionary<string, string?> Smtp(SmtpSink sink, bool startTls, string? thumbprint = null, bool credentials = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:StartTls"] = startTls ? "true" : "false",
            ["Smtp:From"] = "TrackStack <tracker@example.org>",
            ["Smtp:CertificateThumbprint"] = thumbprint,
        };
        if (credentials)
        {
            settings["Smtp:Username"] = User;
            settings["Smtp:Password"] = Secret;
        }
        return settings;
    }

    /// <summary>As an operator would copy it from <c>openssl x509 -noout -fingerprint -sha256</c>: hex pairs with colons.</summary>
    private static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Select(c => new string(c)));

    private static async Task<HttpStatusCode> RegisterAsync(TestHost host, string email)
    {
        using var client = host.CreateClient();
        using var r = await client.PostAsync("/api/auth/register", new { email, password = Accounts.Password, displayName = "Mia" });
        return r.StatusCode;
    }

    [Fact]
    public async Task Starttls_to_a_relay_with_a_pinned_self_signed_certificate_delivers_and_authenticates_only_under_tls()
    {
        using var certificate = SmtpSink.CreateSelfSignedCertificate();
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions(certificate, User, Secret));
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink, startTls: true, Fingerprint(certificate), credentials: true));

        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(host, "mia@example.org"));
        var mail = await sink.WaitForAsync("mia@example.org");
        Assert.True(mail.Tls, "The message was not sent under TLS.");
        Assert.Contains("verify-email?token=", mail.Body);
        var auth = Assert.Single(sink.AuthAttempts);
        Assert.True(auth.Tls && auth.Ok, $"AUTH {auth.Mechanism}: tls={auth.Tls}, ok={auth.Ok}");
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_untrusted_certificate_is_refused_before_credentials_and_the_request_still_succeeds(bool pinAnotherCertificate)
    {
        using var certificate = SmtpSink.CreateSelfSignedCertificate();
        using var other = SmtpSink.CreateSelfSignedCertificate("Someone else");
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions(certificate, User, Secret));
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink, startTls: true, pinAnotherCertificate ? Fingerprint(other) : null, credentials: true));

        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(host, "mallory@example.org"));
        var error = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Could not send", StringComparison.Ordinal));
        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(sink.All);
        Assert.Empty(sink.AuthAttempts);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_starttls_on_a_server_that_does_not_offer_it_never_gets_the_credentials()
    {
        await using var sink = await SmtpSink.StartAsync(new SmtpSinkOptions(User: User, Password: Secret));
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink, startTls: true, credentials: true));

        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(host, "plain@example.org"));
        Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Could not send", StringComparison.Ordinal));
        Assert.Empty(sink.AuthAttempts);
        Assert.Empty(sink.All);
    }

    [Fact]
    public async Task Plain_text_mails_stay_one_utf8_text_part_and_html_mails_carry_inline_images_and_attachments()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink, startTls: false));
        var sender = host.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new EmailMessage("plain@example.org", "Grüße aus der Küche", "Hällo,\n\nline two: 12 €\n"), CancellationToken.None);
        var plain = await sink.WaitForAsync("plain@example.org");
        Assert.Equal("Grüße aus der Küche", plain.Subject);
        Assert.Equal("text/plain", plain.ContentType);
        var only = Assert.Single(plain.Parts);
        Assert.Equal("utf-8", only.Charset);
        Assert.Equal("Hällo,\n\nline two: 12 €\n", plain.Body.ReplaceLineEndings("\n"));
        Assert.Null(plain.Html);

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];
        var pdf = "%PDF-1.4\n%\xE2\xE3\n1 0 obj\n"u8.ToArray();
        await sender.SendAsync(new EmailMessage("report@example.org", "November report", "Heating used 412 kWh.", "<p>Heating used <b>412 kWh</b>.</p><img src=\"cid:chart-1\" alt=\"chart\">")
        {
            Attachments = [new EmailAttachment("chart.png", "image/png", png, ContentId: "chart-1"), new EmailAttachment("november.pdf", "application/pdf", pdf)],
        }, CancellationToken.None);
        var rich = await sink.WaitForAsync("report@example.org");
        Assert.Equal("Heating used 412 kWh.", rich.Body.TrimEnd());
        Assert.Contains("cid:chart-1", rich.Html);
        Assert.Equal("multipart/mixed", rich.ContentType);
        var image = Assert.Single(rich.Parts, p => p.ContentType == "image/png");
        Assert.Equal(("chart-1", png.Length), (image.ContentId, image.Size));
        Assert.NotEqual("attachment", image.Disposition);
        var file = Assert.Single(rich.Parts, p => p.ContentType == "application/pdf");
        Assert.Equal(("attachment", "november.pdf", pdf.Length), (file.Disposition, file.FileName, file.Size));
        Assert.Equal(["text/plain", "text/html", "image/png", "application/pdf"], rich.Parts.Select(p => p.ContentType));
    }
}
