namespace TrackStack.Training.Features.ChangeRoutine;

internal static class ChangeRoutine
{
    public static void MapChangeRoutine(this RouteGroupBuilder training) =>
        training.MapPut("/routines/{routineId:guid}", HandleAsync).WithSummary("Change a routine: its name and all its days");

    internal static async Task<Results<Ok<RoutineResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid routineId, RoutineRequest request, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var routine = await db.Routines.FirstOrDefaultAsync(r => r.Id == routineId, ct);
        if (routine is null) return Problems.NotFound("routine");
        var (errors, days) = await request.ValidateAsync(db, ct);
        if (errors.Any) return errors.ToResult();
        routine.Name = request.Name!.Trim();
        routine.Days = RoutineMapping.Serialize(days);
        routine.UpdatedAt = StoredTime.Now(clock);
        routine.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(routine.ToResponse());
    }
}
