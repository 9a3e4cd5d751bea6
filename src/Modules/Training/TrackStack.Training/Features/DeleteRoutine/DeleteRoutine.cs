namespace TrackStack.Training.Features.DeleteRoutine;

internal static class DeleteRoutine
{
    public static void MapDeleteRoutine(this RouteGroupBuilder training) =>
        training.MapDelete("/routines/{routineId:guid}", HandleAsync).WithSummary("Delete a routine; workouts started from it keep their sets");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid routineId, TrainingDb db, CancellationToken ct)
    {
        var routine = await db.Routines.FirstOrDefaultAsync(r => r.Id == routineId, ct);
        if (routine is null) return Problems.NotFound("routine");
        db.Routines.Remove(routine);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
