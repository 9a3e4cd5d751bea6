namespace TrackStack.Training.Features.GetWorkout;

internal static class GetWorkout
{
    public static void MapGetWorkout(this RouteGroupBuilder training) =>
        training.MapGet("/workouts/{workoutId:guid}", HandleAsync).WithSummary("One workout with its sets and records (the member's own, or a sharing member's)");

    internal static async Task<Results<Ok<WorkoutResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid workoutId, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var workout = await db.ReadableWorkouts(http.GetHouseholdAccess().UserId).AsNoTracking().Include(w => w.Sets).FirstOrDefaultAsync(w => w.Id == workoutId, ct);
        return workout is null ? Problems.NotFound("workout") : TypedResults.Ok(await db.ToResponseAsync(workout, ct));
    }
}
