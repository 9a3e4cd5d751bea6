namespace TrackStack.Training;

/// <summary>The exercises a household sees: the built-in library and its own, as one list.</summary>
internal static class ExerciseCatalog
{
    public static async Task<List<ExerciseResponse>> AllAsync(TrainingDb db, CancellationToken ct)
    {
        var own = await db.Exercises.AsNoTracking().ToListAsync(ct);
        return ExerciseLibrary.All.Select(e => e.ToResponse()).Concat(own.Select(e => e.ToResponse())).ToList();
    }

    /// <summary>Which of the ids name an exercise of the household (built in or its own).</summary>
    public static async Task<HashSet<Guid>> KnownAsync(TrainingDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var known = wanted.Where(id => ExerciseLibrary.Find(id) is not null).ToHashSet();
        var rest = wanted.Where(id => !known.Contains(id)).ToList();
        if (rest.Count > 0) known.UnionWith(await db.Exercises.AsNoTracking().Where(e => rest.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct));
        return known;
    }

    public static async Task<Dictionary<Guid, string>> NamesAsync(TrainingDb db, CancellationToken ct) =>
        (await AllAsync(db, ct)).ToDictionary(e => e.Id, e => e.Name);

    public static ExerciseResponse ToResponse(this BuiltInExercise e) =>
        new(e.Id, e.Name, e.Equipment, e.Type.Wire(), e.PrimaryMuscles, e.SecondaryMuscles, e.Aliases, true);

    public static ExerciseResponse ToResponse(this Exercise e) =>
        new(e.Id, e.Name, e.Equipment, e.Type.Wire(), Split(e.PrimaryMuscles), Split(e.SecondaryMuscles), [], false);

    private static string[] Split(string muscles) => muscles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>An exercise of the library (builtIn) or of the household.</summary>
public sealed record ExerciseResponse(Guid Id, string Name, string Equipment, string Type, IReadOnlyList<string> PrimaryMuscles,
    IReadOnlyList<string> SecondaryMuscles, IReadOnlyList<string> Aliases, bool BuiltIn);
