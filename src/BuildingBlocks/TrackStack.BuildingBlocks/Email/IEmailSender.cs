namespace TrackStack.BuildingBlocks.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Port for outgoing e-mail (verification, password reset, invites, reports).</summary>
public interface IEmailSender
{
    /// <summary>False when no SMTP server is configured: messages then only go to the log.</summary>
    bool IsConfigured { get; }

    Task SendAsync(EmailMessage message, CancellationToken ct);
}
