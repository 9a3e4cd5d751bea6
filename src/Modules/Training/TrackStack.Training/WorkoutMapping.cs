namespace TrackStack.Training;

internal static class WorkoutMapping
{
    public static double Volume(IEnumerable<WorkoutSet> sets) =>
        Math.Round(sets.Where(s => s.Kind.Counts()).Sum(s => (s.WeightKg ?? 0) * (s.Reps ?? 0)), 3);

    public static SetFact Fact(this WorkoutSet s) => new(s.WorkoutId, s.StartedAt, s.ExerciseId, s.Kind, s.WeightKg, s.Reps);

    public static RecordResponse ToResponse(this PersonalRecord r) =>
        new(r.ExerciseId, r.Kind.Wire(), Math.Round(r.Value, 3), r.WeightKg, r.WorkoutId, r.StartedAt, r.Previous is { } p ? Math.Round(p, 3) : null);

    public static WorkoutResponse ToResponse(this Workout w, E1rmFormula formula, IReadOnlyList<PersonalRecord> records)
    {
        var sets = w.Sets.OrderBy(s => s.Position).ToList();
        return new(w.Id, w.UserId, w.Name, w.Notes, w.StartedAt, w.EndedAt, w.RoutineId, w.RoutineDay, w.Source, sets.Count, Volume(sets), w.Version,
            sets.Select(s => new SetResponse(s.Id, s.ExerciseId, s.Position, s.Kind.Wire(), s.WeightKg, s.Reps, s.Rpe, s.DurationSeconds, s.DistanceM, s.Notes,
                E1rm.Estimate(s.WeightKg, s.Reps, formula) is { } e ? Math.Round(e, 2) : null)).ToList(),
            records.Select(r => r.ToResponse()).ToList());
    }

    /// <summary>The workout with its sets and the records it set, for the member's formula.</summary>
    public static async Task<WorkoutResponse> ToResponseAsync(this TrainingDb db, Workout w, CancellationToken ct)
    {
        var (formula, records) = await db.RecordsOfAsync(w, ct);
        return w.ToResponse(formula, records);
    }

    /// <summary>The records the workout's sets set against the member's earlier workouts.</summary>
    public static async Task<(E1rmFormula Formula, List<PersonalRecord> Records)> RecordsOfAsync(this TrainingDb db, Workout w, CancellationToken ct)
    {
        var settings = await db.SettingsOfAsync(w.UserId, ct);
        var exercises = w.Sets.Select(s => s.ExerciseId).Distinct().ToList();
        var earlier = await db.Sets.AsNoTracking()
            .Where(s => s.UserId == w.UserId && exercises.Contains(s.ExerciseId) && s.WorkoutId != w.Id && s.StartedAt < w.StartedAt)
            .Select(s => new SetFact(s.WorkoutId, s.StartedAt, s.ExerciseId, s.Kind, s.WeightKg, s.Reps))
            .ToListAsync(ct);
        return (settings.Formula, PersonalRecords.Detect(earlier, w.Sets.Select(s => s.Fact()).ToList(), settings.Formula));
    }
}
