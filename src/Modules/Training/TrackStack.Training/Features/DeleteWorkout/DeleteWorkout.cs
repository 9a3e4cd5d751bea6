namespace TrackStack.Training.Features.DeleteWorkout;

internal static class DeleteWorkout
{
    public static void MapDeleteWorkout(this RouteGroupBuilder training) =>
        training.MapDelete("/workouts/{workoutId:guid}", HandleAsync).WithSummary("Delete one's own workout and its sets");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid workoutId, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var user = http.GetHouseholdAccess().UserId;
        var workout = await db.ReadableWorkouts(user).FirstOrDefaultAsync(w => w.Id == workoutId, ct);
        if (workout is null) return Problems.NotFound("workout");
        if (workout.UserId != user) return Problems.Forbidden("Only the member who logged a workout deletes it.");
        // One transaction: a workout never stays behind without its sets.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Sets.Where(s => s.WorkoutId == workoutId).ExecuteDeleteAsync(ct);
        db.Workouts.Remove(workout);
        db.PublishEvent(new WorkoutDeleted(Guid.NewGuid(), StoredTime.Now(clock), householdId, workout.Id, workout.UserId, workout.Version + 1));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
