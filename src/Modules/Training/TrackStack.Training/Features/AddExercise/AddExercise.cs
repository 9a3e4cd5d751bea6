namespace TrackStack.Training.Features.AddExercise;

internal static class AddExercise
{
    public static void MapAddExercise(this RouteGroupBuilder training) =>
        training.MapPost("/exercises", HandleAsync).WithSummary("Add a household exercise (idempotent with a client id); a name the library or household has is refused");

    internal static async Task<Results<Created<ExerciseResponse>, Ok<ExerciseResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, ExerciseRequest request, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Exercises.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            return earlier.Stored is { } stored ? TypedResults.Ok(stored.ToResponse()) : Problems.Conflict("This id is already used.");
        }
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        errors.Check(name.Length is >= 1 and <= 100, "name", "Give a name of 1 to 100 characters.");
        var type = ExerciseTypes.Parse(request.Type ?? "weightReps");
        errors.Check(type is not null, "type", $"The type is {ExerciseTypes.Choices}.");
        errors.Check((request.Equipment?.Trim().Length ?? 0) <= 50, "equipment", "Equipment has at most 50 characters.");
        var primary = Muscles(request.PrimaryMuscles, "primaryMuscles", errors);
        var secondary = Muscles(request.SecondaryMuscles, "secondaryMuscles", errors);
        var key = ExerciseNames.Key(name);
        if (name.Length > 0)
        {
            errors.Check(key.Length > 0, "name", "Give a name with letters or digits.");
            if (ExerciseLibrary.FindByName(name) is { } builtIn) errors.Add("name", $"The library has it: {builtIn.Name}.");
            else if (await db.Exercises.AnyAsync(e => e.NameKey == key, ct)) errors.Add("name", "The household has an exercise of that name.");
        }
        if (errors.Any) return errors.ToResult();
        var exercise = new Exercise
        {
            Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, Name = name, NameKey = key, Type = type!.Value,
            Equipment = request.Equipment?.Trim() ?? "", PrimaryMuscles = primary, SecondaryMuscles = secondary,
            CreatedBy = http.GetHouseholdAccess().UserId, CreatedAt = StoredTime.Now(clock),
        };
        try
        {
            var (row, created) = await db.SaveNewAsync(exercise, request.Id is not null, ct);
            return created ? TypedResults.Created($"/api/households/{householdId}/training/exercises/{row.Id}", row.ToResponse()) : TypedResults.Ok(row.ToResponse());
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return new FieldErrors().Add("name", "The household has an exercise of that name.").ToResult();
        }
    }

    private static string Muscles(IReadOnlyList<string>? muscles, string field, FieldErrors errors)
    {
        var list = (muscles ?? []).Select(m => m?.Trim().ToLowerInvariant() ?? "").Where(m => m.Length > 0).Distinct().ToList();
        errors.Check(list.Count <= 10 && list.All(m => m.Length <= 30 && !m.Contains(',', StringComparison.Ordinal)), field, "At most 10 muscles of up to 30 characters, without commas.");
        return string.Join(',', list);
    }
}

/// <summary>A household exercise: type weightReps (default), bodyweightReps, assisted, time or distance.</summary>
public sealed record ExerciseRequest(Guid? Id, string? Name, string? Type, string? Equipment, IReadOnlyList<string>? PrimaryMuscles, IReadOnlyList<string>? SecondaryMuscles);
