using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Email;

/// <summary>SMTP adapter over System.Net.Mail (MailKit is not in the package registry here).
/// With StartTls on, the session is upgraded with STARTTLS before credentials are sent.</summary>
internal sealed class SmtpEmailSender(IOptions<TrackStackOptions> options) : IEmailSender
{
    public bool IsConfigured => true;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            client.Credentials = new NetworkCredential(smtp.Username, smtp.Password);
        }
        using var mail = new MailMessage(new MailAddress(smtp.From).ToString(), message.To, message.Subject, message.TextBody)
        {
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        await client.SendMailAsync(mail, ct);
    }
}
