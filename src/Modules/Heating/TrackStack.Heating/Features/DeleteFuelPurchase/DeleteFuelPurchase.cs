namespace TrackStack.Heating.Features.DeleteFuelPurchase;

internal static class DeleteFuelPurchase
{
    public static void MapDeleteFuelPurchase(this RouteGroupBuilder heating) =>
        heating.MapDelete("/purchases/{purchaseId:guid}", HandleAsync).WithSummary("Delete a purchase");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid purchaseId, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var purchase = await db.Purchases.FirstOrDefaultAsync(x => x.Id == purchaseId, ct);
        if (purchase is null) return Problems.NotFound("Purchase");
        db.Purchases.Remove(purchase);
        // Published for every deletion (a price may have existed earlier); Expenses ignores purchases it never saw.
        // One version above the last change, so a consumer orders it after every change.
        db.PublishEvent(new FuelPurchaseDeleted(Guid.NewGuid(), StoredTime.Now(clock), householdId, purchase.Id, purchase.Version + 1));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
