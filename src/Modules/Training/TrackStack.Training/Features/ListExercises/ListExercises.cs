namespace TrackStack.Training.Features.ListExercises;

internal static class ListExercises
{
    public static void MapListExercises(this RouteGroupBuilder training) =>
        training.MapGet("/exercises", HandleAsync)
            .WithSummary("The built-in and the household's exercises, by name, paged; search matches names, aliases, muscles and equipment");

    internal static async Task<Results<Ok<PagedResponse<ExerciseResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, string? search, string? type, int? page, int? pageSize, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors, Paging.MaxPageSize);
        errors.Check(type is null || ExerciseTypes.Parse(type) is not null, "type", $"The type is {ExerciseTypes.Choices}.");
        errors.Check((search?.Length ?? 0) <= 100, "search", "Search with at most 100 characters.");
        if (errors.Any) return errors.ToResult();
        IEnumerable<ExerciseResponse> all = await ExerciseCatalog.AllAsync(db, ct);
        if (type is not null) all = all.Where(e => e.Type == type);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var words = search.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = ExerciseNames.Key(search);
            all = all.Where(e => ExerciseNames.Key(e.Name) == key || e.Aliases.Any(a => ExerciseNames.Key(a) == key)
                || words.All(w => e.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Equipment.Contains(w, StringComparison.OrdinalIgnoreCase)
                    || e.PrimaryMuscles.Any(m => m.Contains(w, StringComparison.OrdinalIgnoreCase))
                    || e.Aliases.Any(a => a.Contains(w, StringComparison.OrdinalIgnoreCase))));
        }
        var list = all.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return TypedResults.Ok(new PagedResponse<ExerciseResponse>(list.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, list.Count));
    }
}
