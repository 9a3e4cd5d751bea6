namespace TrackStack.Metrics.Features.DeleteAlertRule;

internal static class DeleteAlertRule
{
    public static void MapDeleteAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapDelete("/alerts/{ruleId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Delete an alert rule with its history (an open episode ends without a resolved event); admins only");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid ruleId, MetricsDb db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.AlertRules.AnyAsync(r => r.Id == ruleId, ct)) return Problems.NotFound("Alert rule");
        await db.AlertFirings.Where(f => f.RuleId == ruleId).ExecuteDeleteAsync(ct);
        await db.AlertRules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
