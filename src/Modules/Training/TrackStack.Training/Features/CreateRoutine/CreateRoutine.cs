namespace TrackStack.Training.Features.CreateRoutine;

internal static class CreateRoutine
{
    public static void MapCreateRoutine(this RouteGroupBuilder training) =>
        training.MapPost("/routines", HandleAsync).WithSummary("Create a routine (idempotent with a client id)");

    internal static async Task<Results<Created<RoutineResponse>, Ok<RoutineResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, RoutineRequest request, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Routines.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            return earlier.Stored is { } stored ? TypedResults.Ok(stored.ToResponse()) : Problems.Conflict("This id is already used.");
        }
        var (errors, days) = await request.ValidateAsync(db, ct);
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var routine = new Routine
        {
            Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, Name = request.Name!.Trim(), Days = RoutineMapping.Serialize(days),
            CreatedBy = http.GetHouseholdAccess().UserId, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        var (row, created) = await db.SaveNewAsync(routine, request.Id is not null, ct);
        return created ? TypedResults.Created($"/api/households/{householdId}/training/routines/{row.Id}", row.ToResponse()) : TypedResults.Ok(row.ToResponse());
    }
}
