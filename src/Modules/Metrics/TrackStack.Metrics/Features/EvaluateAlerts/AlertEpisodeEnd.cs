using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Metrics.Contracts;

namespace TrackStack.Metrics.Features.EvaluateAlerts;

/// <summary>Ends the open episode of a rule that an admin turns off or deletes while it fires: the members it
/// e-mailed and its webhook get the "resolved" message with the reason, or they would wait for one forever. The
/// event goes into the outbox with the caller's save; the webhook is called after the commit.</summary>
internal static class AlertEpisodeEnd
{
    /// <summary>Publishes AlertResolved for the rule's open episode, closes the firing row and the rule's state, and
    /// returns the webhook body; null when the rule is not firing.</summary>
    public static async Task<WebhookBody?> CloseAsync(MetricsDb db, AlertRule rule, DateTime now, string reason, CancellationToken ct)
    {
        if (rule.State != AlertState.Firing || rule.CurrentFiringId is not { } open) return null;
        var firing = await db.AlertFirings.FirstOrDefaultAsync(f => f.Id == open, ct);
        if (firing is not null)
        {
            firing.ResolvedAt = now;
            firing.ResolveSummary = reason;
        }
        rule.State = AlertState.Ok;
        rule.CurrentFiringId = null;
        rule.ClearEvaluations = 0;
        db.PublishEvent(new AlertResolved(Guid.NewGuid(), now, rule.HouseholdId, rule.Id, open, rule.Name, rule.Metric, reason, null,
            rule.NotifyUserIdList, rule.Version));
        return new WebhookBody("resolved", new WebhookRule(rule.Id, rule.Name), rule.Metric, null, reason, firing?.FiredAt ?? now, now, open);
    }

    public static async Task NotifyWebhookAsync(AlertWebhooks webhooks, AlertRule rule, WebhookBody? body, CancellationToken ct)
    {
        if (body is not null && rule.WebhookUrl is not null) await webhooks.SendAsync(rule, body, ct);
    }
}
