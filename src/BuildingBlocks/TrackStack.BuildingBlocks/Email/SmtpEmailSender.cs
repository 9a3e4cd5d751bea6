using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.BuildingBlocks.Email;

/// <summary>SMTP adapter over MailKit. With StartTls on, the connection must be upgraded with STARTTLS before
/// anything else is sent (MailKit refuses a server that does not offer it), so credentials never travel in clear.
/// Server certificates are validated normally; <c>Smtp:CertificateThumbprint</c> additionally trusts one certificate
/// (a self-signed relay on the LAN), identified by the SHA-256 of its DER bytes.</summary>
internal sealed class SmtpEmailSender(IOptions<TrackStackOptions> options) : IEmailSender
{
    public bool IsConfigured => true;

    public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            var answer = await DeliverAsync(message, ct);
            TrackStackTelemetry.EmailsSent.Add(1, new TagList { { "kind", message.Kind }, { "outcome", "sent" } });
            return answer;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            TrackStackTelemetry.EmailsSent.Add(1, new TagList { { "kind", message.Kind }, { "outcome", "failed" } });
            throw;
        }
    }

    private async Task<string> DeliverAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var mail = ToMime(message, smtp.From);
        using var client = new SmtpClient { Timeout = 30_000 };
        var pinned = SmtpOptions.NormalizeThumbprint(smtp.CertificateThumbprint);
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, pinned);
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
        var answer = await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
        return answer;
    }

    internal static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, string? pinnedSha256)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (pinnedSha256 is null || certificate is null) return false;
        var actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        return string.Equals(actual, pinnedSha256, StringComparison.Ordinal);
    }

    internal static MimeMessage ToMime(EmailMessage message, string from)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var file in message.Attachments)
        {
            var type = ContentType.Parse(file.ContentType);
            if (file.IsInline)
            {
                if (message.HtmlBody is null) throw new ArgumentException($"The inline part '{file.FileName}' needs an HTML body that shows it.", nameof(message));
                var part = body.LinkedResources.Add(file.FileName, file.Content.ToArray(), type);
                part.ContentId = file.ContentId;
            }
            else
            {
                body.Attachments.Add(file.FileName, file.Content.ToArray(), type);
            }
        }
        var mail = new MimeMessage { Subject = message.Subject, Body = body.ToMessageBody() };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(new MailboxAddress("", message.To));
        foreach (var (name, value) in message.Headers) mail.Headers.Add(name, value);
        return mail;
    }
}
