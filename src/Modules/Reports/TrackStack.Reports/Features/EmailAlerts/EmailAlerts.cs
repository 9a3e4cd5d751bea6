using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Email;
using TrackStack.Metrics.Contracts;

namespace TrackStack.Reports.Features.EmailAlerts;

/// <summary>E-mails an alert's firing and its resolution to the members the rule names (Metrics evaluates the rules
/// and calls their webhooks; mail goes through here, where the members' addresses are). Someone who is no longer a
/// member gets nothing. A failed send makes the event be delivered again, so a member may in rare cases get an
/// alert twice, never none.</summary>
internal sealed class EmailAlerts(ReportsDb db, IEmailSender email, IOptions<TrackStackOptions> platform, ILogger<EmailAlerts> logger) :
    IIntegrationEventHandler<AlertFired>, IIntegrationEventHandler<AlertResolved>
{
    public const string Fired = "reports-email-alert-fired";
    public const string Resolved = "reports-email-alert-resolved";

    public Task HandleAsync(AlertFired e, CancellationToken ct) =>
        SendAsync(e.RuleName, e.NotifyUserIds, $"Alert: {e.RuleName}", $"{e.Summary}.", ct);

    public Task HandleAsync(AlertResolved e, CancellationToken ct) =>
        SendAsync(e.RuleName, e.NotifyUserIds, $"Resolved: {e.RuleName}", $"{e.Summary}. The alert is resolved.", ct);

    private async Task SendAsync(string rule, IReadOnlyList<Guid> userIds, string subject, string line, CancellationToken ct)
    {
        if (userIds.Count == 0) return;
        var members = await db.Members.AsNoTracking().Where(m => userIds.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        var addresses = await db.Users.AsNoTracking().Where(u => members.Contains(u.UserId)).Select(u => u.Email).ToListAsync(ct);
        var link = $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/dashboards";
        var text = $"{line}\n\nThe rule \"{rule}\" is set up in TrackStack: {link}\nYou receive this because the rule names you; an admin of the household can change that.\n";
        foreach (var address in addresses)
        {
            await email.SendAsync(new EmailMessage(address, subject, text) { Kind = "alert" }, ct);
        }
        if (addresses.Count < userIds.Count) logger.LogInformation("Alert {Rule}: {Skipped} named member(s) have left or have no address", rule, userIds.Count - addresses.Count);
    }
}
