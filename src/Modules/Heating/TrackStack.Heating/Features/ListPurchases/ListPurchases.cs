namespace TrackStack.Heating.Features.ListPurchases;

internal static class ListPurchases
{
    public static void MapListPurchases(this RouteGroupBuilder heating) =>
        heating.MapGet("/purchases", HandleAsync).WithSummary("Fuel purchases, newest first, paged, optional from/to");

    internal static async Task<Results<Ok<PagedResponse<PurchaseResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, DateOnly? from, DateOnly? to, int? page, int? pageSize, HeatingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        InputChecks.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var query = db.Purchases.AsNoTracking();
        if (from is { } f) query = query.Where(x => x.Date >= f);
        if (to is { } t) query = query.Where(x => x.Date <= t);
        return TypedResults.Ok(await query.OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToPageAsync(paging, PurchaseMapping.ToResponse, ct));
    }
}
