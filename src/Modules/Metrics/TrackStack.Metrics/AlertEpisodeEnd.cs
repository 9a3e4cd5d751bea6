using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Metrics.Contracts;

namespace TrackStack.Metrics;

/// <summary>What closing an episode leaves to do after the commit: the webhook call, to the webhook the rule had
/// while it fired (the same save may change or remove it).</summary>
internal sealed record EndedEpisode(AlertRule Before, WebhookBody Body);

/// <summary>Ends the open episode of a rule that an admin turns off or deletes while it fires: the members it
/// e-mailed and its webhook get the "resolved" message with the reason, or they would wait for one forever. The
/// event goes into the outbox with the caller's save; the webhook is called after the commit.</summary>
internal static class AlertEpisodeEnd
{
    /// <summary>Publishes AlertResolved for the rule's open episode to the members the rule named so far, closes the
    /// firing row and the rule's state; null when the rule is not firing. Call it before changing the rule.</summary>
    public static async Task<EndedEpisode?> CloseAsync(MetricsDb db, AlertRule rule, DateTime now, string reason, CancellationToken ct)
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
        var before = new AlertRule { Id = rule.Id, HouseholdId = rule.HouseholdId, Name = rule.Name, WebhookUrl = rule.WebhookUrl, ProtectedSecret = rule.ProtectedSecret };
        return new EndedEpisode(before, new WebhookBody("resolved", new WebhookRule(rule.Id, rule.Name), rule.Metric, null, reason, firing?.FiredAt ?? now, now, open));
    }

    /// <summary>Calls the webhook (its own timeout; a closed browser tab does not cancel it) and keeps its answer on
    /// the firing when the firing is still there (turned off; a deleted rule's firings are gone).</summary>
    public static async Task NotifyWebhookAsync(AlertWebhooks webhooks, MetricsDb db, EndedEpisode? ended)
    {
        if (ended?.Before.WebhookUrl is null) return;
        var outcome = await webhooks.SendAsync(ended.Before, ended.Body, CancellationToken.None);
        var id = ended.Body.FiringId;
        await db.AlertFirings.Where(f => f.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolveWebhookStatus, outcome.Status).SetProperty(f => f.ResolveWebhookError, outcome.Error), CancellationToken.None);
    }
}
