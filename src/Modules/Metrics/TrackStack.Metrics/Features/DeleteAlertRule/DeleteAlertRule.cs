namespace TrackStack.Metrics.Features.DeleteAlertRule;

internal static class DeleteAlertRule
{
    public static void MapDeleteAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapDelete("/alerts/{ruleId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Delete an alert rule with its history (a firing rule first sends its resolved message); admins only");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid ruleId, MetricsDb db, AlertWebhooks webhooks, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Problems.NotFound("Alert rule");
        var resolved = await AlertEpisodeEnd.CloseAsync(db, rule, StoredTime.Now(clock), "The rule was deleted while it was firing", ct);
        // Saving the rule first (version token) makes an evaluation that wrote meanwhile a 409, instead of a firing
        // that is deleted unresolved or a second resolved message.
        rule.Version++;
        await db.SaveChangesAsync(ct);
        await db.AlertFirings.Where(f => f.RuleId == ruleId).ExecuteDeleteAsync(ct);
        await db.AlertRules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        await AlertEpisodeEnd.NotifyWebhookAsync(webhooks, db, resolved);
        return TypedResults.NoContent();
    }
}
