namespace TrackStack.Heating.Features.DeleteRefill;

internal static class DeleteRefill
{
    public static void MapDeleteRefill(this RouteGroupBuilder heating) =>
        heating.MapDelete("/refills/{refillId:guid}", HandleAsync).WithSummary("Delete a refill");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid refillId, HeatingDb db, CancellationToken ct)
    {
        var refill = await db.Refills.FirstOrDefaultAsync(r => r.Id == refillId, ct);
        if (refill is null) return Problems.NotFound("Refill");
        db.Refills.Remove(refill);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
