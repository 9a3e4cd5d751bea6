namespace TrackStack.Metrics.Features.ChangeAlertRule;

/// <summary>Replaces a rule's definition. Its state stays: a firing rule resolves when the new condition has been
/// false on two evaluations. The webhook secret stays too.</summary>
internal static class ChangeAlertRule
{
    public static void MapChangeAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapPut("/alerts/{ruleId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change an alert rule (the whole definition); its state and webhook secret stay; admins only");

    internal static async Task<Results<Ok<AlertRuleResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid ruleId, AlertRuleRequest request, MetricsDb db, TimeProvider clock, CancellationToken ct)
    {
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Problems.NotFound("Alert rule");
        var (errors, values) = await request.ValidateAsync(db, ct);
        if (errors.Any) return errors.ToResult();
        values.ApplyTo(rule, StoredTime.Now(clock));
        // Version is a concurrency token: an evaluation that wrote meanwhile makes this a 409.
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rule.ToResponse());
    }
}
