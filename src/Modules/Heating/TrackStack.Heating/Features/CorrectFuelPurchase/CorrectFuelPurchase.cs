namespace TrackStack.Heating.Features.CorrectFuelPurchase;

internal static class CorrectFuelPurchase
{
    public static void MapCorrectFuelPurchase(this RouteGroupBuilder heating) =>
        heating.MapPut("/purchases/{purchaseId:guid}", HandleAsync).WithSummary("Change a purchase");

    internal static async Task<Results<Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid purchaseId, PurchaseRequest request, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var purchase = await db.Purchases.FirstOrDefaultAsync(x => x.Id == purchaseId, ct);
        if (purchase is null) return Problems.NotFound("Purchase");
        var access = http.GetHouseholdAccess();
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        var (errors, unit) = request.Validate(settings, access.Today(clock));
        if (request.Id is { } id && id != purchaseId) errors.Add("id", "id cannot be changed.");
        if (errors.Any) return errors.ToResult();

        var wasPriced = purchase.TotalPriceCents is not null;
        var now = StoredTime.Now(clock);
        request.ApplyTo(purchase, unit, now);
        purchase.Version++;
        if (wasPriced || purchase.TotalPriceCents is not null)
        {
            // Expenses updates, creates (a price was added) or drops (the price was removed: null) its entry.
            db.PublishEvent(new FuelPurchaseChanged(Guid.NewGuid(), now, householdId, purchase.Id, purchase.Date, purchase.Quantity,
                purchase.Unit.Wire(), settings.Fuel.Wire(), purchase.TotalPriceCents, purchase.Supplier, access.UserId, purchase.Version));
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(purchase.ToResponse());
    }
}
