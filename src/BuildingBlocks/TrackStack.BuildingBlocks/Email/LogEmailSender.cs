using Microsoft.Extensions.Logging;

namespace TrackStack.BuildingBlocks.Email;

/// <summary>Used when no SMTP server is configured: the message (with its link) goes to the log so a
/// self-hoster can still complete a reset or share an invite.</summary>
internal sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public bool IsConfigured => false;

    public Task<string> SendAsync(EmailMessage message, CancellationToken ct)
    {
        logger.LogWarning("SMTP is not configured (TrackStack__Smtp__Host); e-mail to {To} was not sent. Subject: {Subject}. Body: {Body}",
            message.To, message.Subject, message.TextBody);
        return Task.FromResult("not sent: SMTP is not configured, the message went to the log");
    }
}
