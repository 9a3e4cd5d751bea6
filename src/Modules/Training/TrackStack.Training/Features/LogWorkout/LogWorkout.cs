namespace TrackStack.Training.Features.LogWorkout;

internal static class LogWorkout
{
    public static void MapLogWorkout(this RouteGroupBuilder training) =>
        training.MapPost("/workouts", HandleAsync)
            .WithSummary("Log a finished workout with its sets (idempotent with a client id); answers the records it set");

    internal static async Task<Results<Created<WorkoutResponse>, Ok<WorkoutResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, WorkoutRequest request, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        // Before validating: a replayed create is answered with what was stored, even if the rules changed since.
        if (await db.Workouts.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            if (earlier.Stored is not { } stored) return Problems.Conflict("This id is already used.");
            var again = await db.Workouts.AsNoTracking().Include(w => w.Sets).FirstOrDefaultAsync(w => w.Id == stored.Id, ct);
            return again is not null && again.UserId == http.GetHouseholdAccess().UserId
                ? TypedResults.Ok(await db.ToResponseAsync(again, ct))
                : Problems.Conflict("This id is already used.");
        }
        var errors = await request.ValidateAsync(db, clock, ct);
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var workout = new Workout
        {
            Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, UserId = http.GetHouseholdAccess().UserId,
            Source = "app", CreatedAt = now, Version = 1,
        };
        request.ApplyTo(workout, now);
        var (formula, records) = await db.RecordsOfAsync(workout, ct);
        var response = workout.ToResponse(formula, records);
        // Same SaveChanges, same transaction: the events exist if and only if the workout does.
        db.PublishCompleted(workout, records, now);
        var (row, created) = await db.SaveNewAsync(workout, clientChoseId: request.Id is not null, ct);
        if (!created)
        {
            // A concurrent twin that won the race may be another member's: never answer with it.
            if (row.UserId != workout.UserId) return Problems.Conflict("This id is already used.");
            var twin = await db.Workouts.AsNoTracking().Include(w => w.Sets).FirstAsync(w => w.Id == row.Id, ct);
            return TypedResults.Ok(await db.ToResponseAsync(twin, ct));
        }
        return TypedResults.Created($"/api/households/{householdId}/training/workouts/{row.Id}", response);
    }
}
