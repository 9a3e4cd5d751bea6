namespace TrackStack.Metrics.Features.ListAlertFirings;

internal static class ListAlertFirings
{
    public static void MapListAlertFirings(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/alerts/{ruleId:guid}/firings", HandleAsync).WithSummary("A rule's episodes, newest first, paged");

    internal static async Task<Results<Ok<PagedResponse<AlertFiringResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid ruleId, int? page, int? pageSize, MetricsDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        if (!await db.AlertRules.AnyAsync(r => r.Id == ruleId, ct)) return Problems.NotFound("Alert rule");
        return TypedResults.Ok(await db.AlertFirings.AsNoTracking().Where(f => f.RuleId == ruleId)
            .OrderByDescending(f => f.FiredAt).ThenByDescending(f => f.Id).ToPageAsync(paging, AlertMapping.ToResponse, ct));
    }
}
