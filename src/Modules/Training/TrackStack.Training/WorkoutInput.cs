namespace TrackStack.Training;

/// <summary>Checks a workout request and writes it onto a workout (a new one or the stored one being corrected).</summary>
internal static class WorkoutInput
{
    public const int MaxSets = 500;

    public static async Task<FieldErrors> ValidateAsync(this WorkoutRequest request, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((request.Name?.Trim().Length ?? 0) <= 200, "name", "The name may have at most 200 characters.");
        errors.Check((request.Notes?.Trim().Length ?? 0) <= 4000, "notes", "Notes may have at most 4,000 characters.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.StartedAt is not { } start) errors.Add("startedAt", "Give the start time.");
        else
        {
            var s = start.ToUniversalTime();
            errors.Check(s.Year >= 1970, "startedAt", "The start must be after 1970.");
            errors.Check(s <= now.AddDays(1), "startedAt", "The start is in the future.");
            if (request.EndedAt is { } end)
            {
                var e = end.ToUniversalTime();
                errors.Check(e >= s, "endedAt", "The end must not be before the start.");
                errors.Check(e - s <= TimeSpan.FromHours(24), "endedAt", "A workout lasts at most 24 hours.");
            }
        }
        errors.Check(request.RoutineDay is null or (>= 0 and < 50), "routineDay", "The routine day is 0 to 49.");
        var sets = request.Sets ?? [];
        errors.Check(sets.Count <= MaxSets, "sets", $"A workout has at most {MaxSets} sets.");
        if (errors.Any) return errors;
        var known = await ExerciseCatalog.KnownAsync(db, sets.Where(s => s.ExerciseId is not null).Select(s => s.ExerciseId!.Value), ct);
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            var at = $"sets[{i}]";
            if (set is null) { errors.Add(at, "A set is missing."); continue; }
            if (set.ExerciseId is not { } id) errors.Add($"{at}.exerciseId", "Choose the exercise.");
            else errors.Check(known.Contains(id), $"{at}.exerciseId", "There is no such exercise.");
            errors.Check(SetKinds.Parse(set.Kind) is not null, $"{at}.kind", "The kind is working, warmUp, drop or failure.");
            errors.Check(set.WeightKg is null or (>= 0 and <= 1000), $"{at}.weightKg", "The weight is 0 to 1,000 kg.");
            errors.Check(set.Reps is null or (>= 0 and <= 1000), $"{at}.reps", "Reps are 0 to 1,000.");
            errors.Check(set.Rpe is null || (set.Rpe >= 1 && set.Rpe <= 10 && set.Rpe * 2 == Math.Floor(set.Rpe.Value * 2)), $"{at}.rpe", "RPE is 1 to 10 in halves.");
            errors.Check(set.DurationSeconds is null or (>= 0 and <= 86_400), $"{at}.durationSeconds", "The time is 0 to 86,400 seconds.");
            errors.Check(set.DistanceM is null or (>= 0 and <= 1_000_000), $"{at}.distanceM", "The distance is 0 to 1,000 km.");
            errors.Check((set.Notes?.Trim().Length ?? 0) <= 1000, $"{at}.notes", "Notes may have at most 1,000 characters.");
            errors.Check(set.WeightKg is not null || set.Reps is not null || set.DurationSeconds is not null || set.DistanceM is not null,
                at, "A set needs a weight, reps, a time or a distance.");
        }
        return errors;
    }

    /// <summary>Writes the request onto the workout, replacing all its sets (validated first).</summary>
    public static void ApplyTo(this WorkoutRequest request, Workout w, DateTime now)
    {
        w.Name = string.IsNullOrWhiteSpace(request.Name) ? "Workout" : request.Name.Trim();
        w.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        w.StartedAt = StoredTime.Trim(request.StartedAt!.Value);
        w.EndedAt = request.EndedAt is { } end ? StoredTime.Trim(end) : null;
        w.RoutineId = request.RoutineId;
        w.RoutineDay = request.RoutineDay;
        w.UpdatedAt = now;
        w.Sets = (request.Sets ?? []).Select((s, i) => new WorkoutSet
        {
            Id = Guid.CreateVersion7(), HouseholdId = w.HouseholdId, WorkoutId = w.Id, UserId = w.UserId, StartedAt = w.StartedAt,
            ExerciseId = s.ExerciseId!.Value, Position = i, Kind = SetKinds.Parse(s.Kind)!.Value,
            WeightKg = s.WeightKg is { } kg ? Math.Round(kg, 3) : null, Reps = s.Reps, Rpe = s.Rpe, DurationSeconds = s.DurationSeconds,
            DistanceM = s.DistanceM, Notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim(),
        }).ToList();
    }

    /// <summary>A corrected workout's figures now (its Version already raised).</summary>
    public static void PublishChanged(this TrainingDb db, Workout w, DateTime now)
    {
        var duration = w.EndedAt is { } end ? (int)(end - w.StartedAt).TotalSeconds : 0;
        db.PublishEvent(new WorkoutChanged(Guid.NewGuid(), now, w.HouseholdId, w.Id, w.UserId, w.StartedAt, w.EndedAt,
            w.Sets.Count(s => s.Kind.Counts()), WorkoutMapping.Volume(w.Sets), duration, w.Version));
    }

    /// <summary>The events of a stored workout: completed, and each record it set.</summary>
    public static void PublishCompleted(this TrainingDb db, Workout w, IReadOnlyList<PersonalRecord> records, DateTime now)
    {
        var counted = w.Sets.Where(s => s.Kind.Counts()).ToList();
        var duration = w.EndedAt is { } end ? (int)(end - w.StartedAt).TotalSeconds : 0;
        db.PublishEvent(new WorkoutCompleted(Guid.NewGuid(), now, w.HouseholdId, w.Id, w.UserId, w.StartedAt, w.EndedAt,
            counted.Count, WorkoutMapping.Volume(w.Sets), duration, w.Version));
        foreach (var r in records)
        {
            db.PublishEvent(new PersonalRecordSet(Guid.NewGuid(), now, w.HouseholdId, w.Id, w.UserId, r.ExerciseId, r.Kind.Wire(), r.Value, r.WeightKg, r.Previous));
        }
    }
}
