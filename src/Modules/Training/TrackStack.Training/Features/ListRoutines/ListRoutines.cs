namespace TrackStack.Training.Features.ListRoutines;

internal static class ListRoutines
{
    public static void MapListRoutines(this RouteGroupBuilder training) =>
        training.MapGet("/routines", HandleAsync).WithSummary("The household's routines, by name, paged");

    internal static async Task<Results<Ok<PagedResponse<RoutineResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, int? page, int? pageSize, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.Routines.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToPageAsync(paging, RoutineMapping.ToResponse, ct));
    }
}
