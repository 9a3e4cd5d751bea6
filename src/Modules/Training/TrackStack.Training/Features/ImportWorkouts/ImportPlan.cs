namespace TrackStack.Training.Features.ImportWorkouts;

/// <summary>What an import of a read file would store: the workouts not stored yet (same member, start and name
/// means stored), the household exercises to create for names nobody knows, and the answer's counts.</summary>
internal sealed record ImportPlan(List<Workout> Workouts, List<Exercise> Created, WorkoutImportResponse Response)
{
    public static async Task<(ImportPlan? Plan, FieldErrors Errors)> MakeAsync(ParsedFile parsed, Dictionary<string, Guid> mappings, bool dryRun,
        Guid householdId, Guid userId, Func<DateTime, DateTime> utc, TrainingDb db, DateTime now, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var starts = parsed.Workouts.Select(w => utc(w.StartLocal)).Distinct().ToList();
        var stored = (await db.Workouts.AsNoTracking().Where(w => w.UserId == userId && starts.Contains(w.StartedAt))
            .Select(w => new { w.StartedAt, w.Name }).ToListAsync(ct)).Select(w => (w.StartedAt, w.Name)).ToHashSet();
        // Twins inside one file (same start and name) are one workout too: the unique index would refuse the second.
        var fresh = parsed.Workouts.Where(w => stored.Add((utc(w.StartLocal), Cut(w.Name, 200)))).ToList();

        // Exercise names: the member's mapping, the library, the household's own, else a new household exercise.
        var own = await db.Exercises.AsNoTracking().ToListAsync(ct);
        var ownByKey = own.GroupBy(e => e.NameKey).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var created = new List<Exercise>();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in fresh.SelectMany(w => w.Sets).Select(s => s.Exercise).Distinct(StringComparer.Ordinal))
        {
            var key = ExerciseNames.Key(name);
            if (key.Length == 0 || name.Length > 100) { errors.Add("file", $"The exercise name '{name[..Math.Min(name.Length, 40)]}' cannot be used."); continue; }
            if (mappings.TryGetValue(key, out var mapped)) ids[name] = mapped;
            else if (ExerciseLibrary.FindByName(name) is { } builtIn) ids[name] = builtIn.Id;
            else if (ownByKey.TryGetValue(key, out var id)) ids[name] = id;
            else
            {
                var sets = fresh.SelectMany(w => w.Sets).Where(s => s.Exercise == name).ToList();
                var type = sets.Any(s => s.WeightKg is not null) ? ExerciseType.WeightReps
                    : sets.Any(s => s.DistanceM is not null) ? ExerciseType.Distance
                    : sets.Any(s => s.DurationSeconds is not null && s.Reps is null) ? ExerciseType.Time : ExerciseType.BodyweightReps;
                var exercise = new Exercise { Id = Guid.CreateVersion7(), HouseholdId = householdId, Name = name, NameKey = key, Type = type, CreatedBy = userId, CreatedAt = now };
                created.Add(exercise);
                ownByKey[key] = exercise.Id;
                ids[name] = exercise.Id;
            }
        }
        if (errors.Any) return (null, errors);

        var workouts = fresh.Select(p =>
        {
            var start = utc(p.StartLocal);
            DateTime? end = p.EndLocal is { } e && utc(e) >= start ? utc(e) : null;
            var w = new Workout
            {
                Id = Guid.CreateVersion7(), HouseholdId = householdId, UserId = userId, Name = Cut(p.Name, 200), Notes = p.Notes is null ? null : Cut(p.Notes, 4000),
                StartedAt = start, EndedAt = end, Source = parsed.Format, CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            w.Sets = p.Sets.Select((s, i) => new WorkoutSet
            {
                Id = Guid.CreateVersion7(), HouseholdId = householdId, WorkoutId = w.Id, UserId = w.UserId, StartedAt = start, ExerciseId = ids[s.Exercise],
                Position = i, Kind = s.Kind, WeightKg = s.WeightKg is { } kg ? Math.Round(Math.Min(kg, 1000), 3) : null, Reps = s.Reps is { } r ? Math.Min(r, 1000) : null,
                Rpe = s.Rpe, DurationSeconds = s.DurationSeconds is { } d ? Math.Min(d, 86_400) : null, DistanceM = s.DistanceM is { } m ? Math.Round(Math.Min(m, 1_000_000), 1) : null,
                Notes = s.Notes is null ? null : Cut(s.Notes, 1000),
            }).ToList();
            return w;
        }).ToList();
        var allSets = workouts.SelectMany(w => w.Sets).ToList();
        var response = new WorkoutImportResponse(dryRun, parsed.Format, workouts.Count, allSets.Count, allSets.Select(s => s.ExerciseId).Distinct().Count(),
            parsed.Workouts.Count - fresh.Count, created.Select(e => e.Name).ToList(), parsed.SkippedRows, parsed.Errors);
        return (new ImportPlan(workouts, created, response), errors);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
