namespace TrackStack.Reports.Features.ListDeliveries;

internal static class ListDeliveries
{
    public static void MapListDeliveries(this RouteGroupBuilder group) =>
        group.MapGet("/deliveries", HandleAsync).WithSummary("The history of report sends, newest first (?schedule= for one schedule's)");

    internal static async Task<Results<Ok<PagedResponse<DeliveryResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, Guid? schedule, int? page, int? pageSize, ReportsDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        var query = db.Deliveries.AsNoTracking();
        if (schedule is { } id) query = query.Where(d => d.ScheduleId == id);
        return TypedResults.Ok(await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToPageAsync(paging, d => d.ToResponse(), ct));
    }
}
