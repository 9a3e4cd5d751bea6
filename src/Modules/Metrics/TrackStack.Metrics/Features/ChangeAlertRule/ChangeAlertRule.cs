namespace TrackStack.Metrics.Features.ChangeAlertRule;

/// <summary>Replaces a rule's definition. Its state stays: a firing rule resolves when the new condition has been
/// false on two evaluations, or at once with its resolved message when it is turned off. The webhook secret stays.</summary>
internal static class ChangeAlertRule
{
    public static void MapChangeAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapPut("/alerts/{ruleId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change an alert rule (the whole definition); its state and webhook secret stay; admins only");

    internal static async Task<Results<Ok<AlertRuleResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid ruleId, AlertRuleRequest request, MetricsDb db, AlertWebhooks webhooks, TimeProvider clock, CancellationToken ct)
    {
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Problems.NotFound("Alert rule");
        var (errors, values) = await request.ValidateAsync(db, ct);
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        // Turned off while firing: no evaluation will resolve it any more, so it resolves now, to the members and the
        // webhook it had (closed before the new definition replaces them).
        var resolved = values.Enabled ? null : await AlertEpisodeEnd.CloseAsync(db, rule, now, "The rule was turned off while it was firing", ct);
        values.ApplyTo(rule, now);
        // Version is a concurrency token: an evaluation that wrote meanwhile makes this a 409.
        await db.SaveChangesAsync(ct);
        await AlertEpisodeEnd.NotifyWebhookAsync(webhooks, db, resolved);
        return TypedResults.Ok(rule.ToResponse());
    }
}
