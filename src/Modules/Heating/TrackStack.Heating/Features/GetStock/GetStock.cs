namespace TrackStack.Heating.Features.GetStock;

internal static class GetStock
{
    public static void MapGetStock(this RouteGroupBuilder heating) =>
        heating.MapGet("/stock", HandleAsync).WithSummary("Fuel on hand (purchased − put in) and when it runs out at normal temperatures");

    internal static async Task<Ok<StockResponse>> HandleAsync(Guid householdId, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await AnalysisLoader.RunAsync(db, http.GetHouseholdAccess(), clock, null, null, ct);
        return TypedResults.Ok(loaded.ToStockResponse());
    }
}
