namespace TrackStack.BuildingBlocks.Email;

/// <summary>One e-mail to one recipient. <paramref name="TextBody"/> is always sent; <paramref name="HtmlBody"/>, when
/// given, is the alternative shown by mail clients that render HTML.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    /// <summary>Files attached to the message, and inline parts (with a content id) that the HTML body shows.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>What the message is for, as monitoring counts it (<c>trackstack_emails_sent_total{kind}</c>):
    /// "account" (verification, reset), "invite", "report", "alert".</summary>
    public string Kind { get; init; } = "account";

    /// <summary>Extra header fields (List-Unsubscribe and List-Unsubscribe-Post of a report, RFC 8058).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>A file in an e-mail. With a <paramref name="ContentId"/> it is an inline part that the HTML body
/// references as <c>cid:&lt;ContentId&gt;</c> (a chart in a report); without, a plain attachment.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? ContentId = null)
{
    public bool IsInline => ContentId is not null;
}

/// <summary>Port for outgoing e-mail (verification, password reset, invites, reports).</summary>
public interface IEmailSender
{
    /// <summary>False when no SMTP server is configured: messages then only go to the log.</summary>
    bool IsConfigured { get; }

    /// <summary>Hands the message over; returns the server's answer ("2.0.0 Ok: queued as ..."), kept in delivery logs.</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken ct);
}
