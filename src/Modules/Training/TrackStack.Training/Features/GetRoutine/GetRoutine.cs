namespace TrackStack.Training.Features.GetRoutine;

internal static class GetRoutine
{
    public static void MapGetRoutine(this RouteGroupBuilder training) =>
        training.MapGet("/routines/{routineId:guid}", HandleAsync).WithSummary("One routine with its days");

    internal static async Task<Results<Ok<RoutineResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid routineId, TrainingDb db, CancellationToken ct) =>
        await db.Routines.AsNoTracking().FirstOrDefaultAsync(r => r.Id == routineId, ct) is { } routine
            ? TypedResults.Ok(routine.ToResponse())
            : Problems.NotFound("routine");
}
