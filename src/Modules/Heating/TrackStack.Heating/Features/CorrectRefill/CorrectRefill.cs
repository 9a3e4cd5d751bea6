namespace TrackStack.Heating.Features.CorrectRefill;

internal static class CorrectRefill
{
    public static void MapCorrectRefill(this RouteGroupBuilder heating) =>
        heating.MapPut("/refills/{refillId:guid}", HandleAsync).WithSummary("Change a refill");

    internal static async Task<Results<Ok<RefillResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid refillId, RefillRequest request, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var refill = await db.Refills.FirstOrDefaultAsync(r => r.Id == refillId, ct);
        if (refill is null) return Problems.NotFound("Refill");
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        var errors = request.Validate(settings, http.GetHouseholdAccess().Today(clock));
        if (request.Id is { } id && id != refillId) errors.Add("id", "id cannot be changed.");
        if (errors.Any) return errors.ToResult();
        request.ApplyTo(refill, StoredTime.Now(clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(refill.ToResponse());
    }
}
