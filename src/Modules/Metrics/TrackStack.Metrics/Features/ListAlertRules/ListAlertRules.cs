namespace TrackStack.Metrics.Features.ListAlertRules;

internal static class ListAlertRules
{
    public static void MapListAlertRules(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/alerts", HandleAsync).WithSummary("The household's alert rules by name, with their state and latest value, paged");

    internal static async Task<Results<Ok<PagedResponse<AlertRuleResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, int? page, int? pageSize, MetricsDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToPageAsync(paging, AlertMapping.ToResponse, ct));
    }
}
