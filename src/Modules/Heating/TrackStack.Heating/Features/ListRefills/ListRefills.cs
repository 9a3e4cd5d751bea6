namespace TrackStack.Heating.Features.ListRefills;

internal static class ListRefills
{
    public static void MapListRefills(this RouteGroupBuilder heating) =>
        heating.MapGet("/refills", HandleAsync).WithSummary("Refills (or meter readings), newest first, paged, optional from/to");

    internal static async Task<Results<Ok<PagedResponse<RefillResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, DateOnly? from, DateOnly? to, int? page, int? pageSize, HeatingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        InputChecks.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var query = db.Refills.AsNoTracking();
        if (from is { } f) query = query.Where(r => r.Date >= f);
        if (to is { } t) query = query.Where(r => r.Date <= t);
        return TypedResults.Ok(await query.OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(paging, RefillMapping.ToResponse, ct));
    }
}
