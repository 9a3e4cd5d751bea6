namespace TrackStack.Training.Features.DeleteBodyWeight;

internal static class DeleteBodyWeight
{
    public static void MapDeleteBodyWeight(this RouteGroupBuilder training) =>
        training.MapDelete("/body-weight/{entryId:guid}", HandleAsync).WithSummary("Delete one of one's own body weights");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid entryId, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var user = http.GetHouseholdAccess().UserId;
        var entry = await db.BodyWeights.FirstOrDefaultAsync(b => b.Id == entryId && b.UserId == user, ct);
        if (entry is null) return Problems.NotFound("body weight");
        db.BodyWeights.Remove(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
