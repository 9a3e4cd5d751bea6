namespace TrackStack.Heating.Features.GetPurchase;

internal static class GetPurchase
{
    public static void MapGetPurchase(this RouteGroupBuilder heating) =>
        heating.MapGet("/purchases/{purchaseId:guid}", HandleAsync).WithSummary("One purchase");

    internal static async Task<Results<Ok<PurchaseResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid purchaseId, HeatingDb db, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == purchaseId, ct);
        return purchase is null ? Problems.NotFound("Purchase") : TypedResults.Ok(purchase.ToResponse());
    }
}
