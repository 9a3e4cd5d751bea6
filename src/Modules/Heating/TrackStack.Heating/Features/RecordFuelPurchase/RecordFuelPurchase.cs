namespace TrackStack.Heating.Features.RecordFuelPurchase;

internal static class RecordFuelPurchase
{
    public static void MapRecordFuelPurchase(this RouteGroupBuilder heating) =>
        heating.MapPost("/purchases", HandleAsync).WithSummary("Record a purchase (idempotent with a client id); a priced one becomes an expense");

    internal static async Task<Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, PurchaseRequest request, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        // Before validating: a replayed create is answered with what was stored, even if the rules changed since.
        if (await db.Purchases.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            return earlier.Stored is { } stored ? TypedResults.Ok(stored.ToResponse()) : Problems.Conflict("This id is already used.");
        }
        var access = http.GetHouseholdAccess();
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        var (errors, unit) = request.Validate(settings, access.Today(clock));
        if (errors.Any) return errors.ToResult();

        var now = StoredTime.Now(clock);
        var purchase = new FuelPurchase { Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, CreatedBy = access.UserId, Version = 1 };
        request.ApplyTo(purchase, unit, now);
        if (purchase.TotalPriceCents is { } price)
        {
            // Same SaveChanges, same transaction: the expense exists if and only if the purchase does.
            db.PublishEvent(new FuelPurchased(Guid.NewGuid(), now, householdId, purchase.Id, purchase.Date, purchase.Quantity,
                purchase.Unit.Wire(), settings.Fuel.Wire(), price, purchase.Supplier, access.UserId, purchase.Version));
        }
        // When a copy with the same client id won the race, nothing more is saved: the queued event goes with the context.
        var (row, created) = await db.SaveNewAsync(purchase, clientChoseId: request.Id is not null, ct);
        return created
            ? TypedResults.Created($"/api/households/{householdId}/heating/purchases/{row.Id}", row.ToResponse())
            : TypedResults.Ok(row.ToResponse());
    }
}
