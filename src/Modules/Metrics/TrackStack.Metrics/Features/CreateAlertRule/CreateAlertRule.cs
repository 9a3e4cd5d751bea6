namespace TrackStack.Metrics.Features.CreateAlertRule;

internal static class CreateAlertRule
{
    public static void MapCreateAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapPost("/alerts", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Create an alert rule; the answer holds the webhook secret, shown only this once; admins only");

    internal static async Task<Results<Created<CreatedAlertRuleResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, AlertRuleRequest request, HttpContext http, MetricsDb db, AlertSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        var (errors, values) = await request.ValidateAsync(db, ct);
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var (secret, protectedSecret) = secrets.Create();
        var rule = new AlertRule
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, ProtectedSecret = protectedSecret, State = AlertState.Ok,
            CreatedAt = now, CreatedBy = http.GetHouseholdAccess().UserId,
        };
        values.ApplyTo(rule, now);
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/metrics/alerts/{rule.Id}", new CreatedAlertRuleResponse(rule.ToResponse(), secret));
    }
}
