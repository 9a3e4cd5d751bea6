namespace TrackStack.Metrics.Features.TestAlertRule;

/// <summary>The condition now (or at <c>at</c>), as the next evaluation would see it, without changing the rule,
/// firing or calling the webhook: the editor's "current value".</summary>
internal static class TestAlertRule
{
    public static void MapTestAlertRule(this RouteGroupBuilder metrics) =>
        metrics.MapPost("/alerts/{ruleId:guid}/test", HandleAsync)
            .WithSummary("Evaluate a rule now without firing: its current value and whether the condition holds; writes nothing");

    internal static async Task<Results<Ok<AlertTestResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid ruleId, string? at, MetricsDb db, TimeProvider clock, CancellationToken ct)
    {
        var when = StoredTime.Now(clock);
        if (at is not null)
        {
            if (Instant.Parse(at) is not { Year: >= 1970 and <= 9998 } parsed) return new FieldErrors().Add("at", "Give an instant with an offset (2026-11-30T10:00:00Z).").ToResult();
            when = parsed;
        }
        var rule = await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Problems.NotFound("Alert rule");
        var reading = await AlertReadings.ReadAsync(db, rule, when, ct);
        return TypedResults.Ok(new AlertTestResponse(reading.Condition, reading.Value, reading.Summary, when));
    }
}

/// <summary>Whether the condition holds at <c>evaluatedAt</c>, the value (null for noData, or no points), and the words.</summary>
public sealed record AlertTestResponse(bool Condition, double? Value, string Summary, DateTime EvaluatedAt);
