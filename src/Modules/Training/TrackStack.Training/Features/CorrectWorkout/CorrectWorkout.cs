namespace TrackStack.Training.Features.CorrectWorkout;

internal static class CorrectWorkout
{
    public static void MapCorrectWorkout(this RouteGroupBuilder training) =>
        training.MapPut("/workouts/{workoutId:guid}", HandleAsync).WithSummary("Correct one's own workout: all of it, its sets replaced");

    internal static async Task<Results<Ok<WorkoutResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid workoutId, WorkoutRequest request, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var user = http.GetHouseholdAccess().UserId;
        var workout = await db.ReadableWorkouts(user).Include(w => w.Sets).FirstOrDefaultAsync(w => w.Id == workoutId, ct);
        if (workout is null) return Problems.NotFound("workout");
        if (workout.UserId != user) return Problems.Forbidden("Only the member who logged a workout changes it.");
        var errors = await request.ValidateAsync(db, clock, ct);
        if (errors.Any) return errors.ToResult();
        db.Sets.RemoveRange(workout.Sets);
        var now = StoredTime.Now(clock);
        request.ApplyTo(workout, now);
        db.Sets.AddRange(workout.Sets);
        workout.Version++;
        db.PublishChanged(workout, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ToResponseAsync(workout, ct));
    }
}
