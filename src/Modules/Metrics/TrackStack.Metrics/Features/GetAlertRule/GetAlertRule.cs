namespace TrackStack.Metrics.Features.GetAlertRule;

internal static class GetAlertRule
{
    public static void MapGetAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/alerts/{ruleId:guid}", HandleAsync).WithSummary("One alert rule with its state and latest value");

    internal static async Task<Results<Ok<AlertRuleResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid ruleId, MetricsDb db, CancellationToken ct)
    {
        var rule = await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        return rule is null ? Problems.NotFound("Alert rule") : TypedResults.Ok(rule.ToResponse());
    }
}
