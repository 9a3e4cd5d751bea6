namespace TrackStack.Heating.Features.GetRefill;

internal static class GetRefill
{
    public static void MapGetRefill(this RouteGroupBuilder heating) =>
        heating.MapGet("/refills/{refillId:guid}", HandleAsync).WithSummary("One refill");

    internal static async Task<Results<Ok<RefillResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid refillId, HeatingDb db, CancellationToken ct)
    {
        var refill = await db.Refills.AsNoTracking().FirstOrDefaultAsync(r => r.Id == refillId, ct);
        return refill is null ? Problems.NotFound("Refill") : TypedResults.Ok(refill.ToResponse());
    }
}
