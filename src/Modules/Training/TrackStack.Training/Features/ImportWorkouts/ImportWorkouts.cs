namespace TrackStack.Training.Features.ImportWorkouts;

internal static class ImportWorkouts
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static void MapImportWorkouts(this RouteGroupBuilder training) =>
        training.MapPost("/imports", HandleAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Import a Strong or Hevy CSV export into one's own log (form field 'file'; dryRun=true only counts; unit=kg|lb for a Strong 'Weight' column)")
            .WithDescription("Workouts already stored (same start time and name) are counted as duplicates and not added again, so importing the same file twice adds nothing. Exercise names the library or household knows map to that exercise (aliases included); others become household exercises.");

    internal static async Task<Results<Ok<WorkoutImportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        MultipartUpload.AllowBody(http.Request, MaxImportBytes);
        if (!MultipartUpload.IsMultipart(http.Request)) return errors.Add("file", "Send multipart/form-data with the CSV in the field 'file'.").ToResult();
        var (upload, problem) = await MultipartUpload.ReadAsync(http.Request, MaxImportBytes, "The workout file", ct);
        if (problem is not null) return problem;
        await using var _ = upload;
        if (upload!.File is not { Length: > 0 } file) return errors.Add("file", "Attach the CSV file in the form field 'file'.").ToResult();
        var dryRunText = upload.Fields.GetValueOrDefault("dryRun") ?? http.Request.Query["dryRun"].FirstOrDefault();
        var dryRun = false;
        if (dryRunText is not null && !bool.TryParse(dryRunText, out dryRun)) errors.Add("dryRun", "dryRun must be true or false.");
        var unitText = upload.Fields.GetValueOrDefault("unit") ?? http.Request.Query["unit"].FirstOrDefault();
        errors.Check(unitText is null or "kg" or "lb", "unit", "The unit is kg or lb.");
        if (errors.Any) return errors.ToResult();

        var access = http.GetHouseholdAccess();
        var settings = await db.SettingsOfAsync(access.UserId, ct);
        var unit = unitText switch { "kg" => WeightUnit.Kg, "lb" => WeightUnit.Lb, _ => settings.Unit };
        var parsed = WorkoutCsv.Read(file, unit, out var fatal);
        if (fatal is not null || parsed is null) return errors.Add("file", fatal ?? "The file could not be read.").ToResult();
        if (parsed.Workouts.Count == 0)
        {
            errors.Add("file", "No workouts in the file.");
            foreach (var e in parsed.Errors) errors.Add("file", e);
            return errors.ToResult();
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Context.TimeZone);
        DateTime Utc(DateTime local)
        {
            // A clock time the spring-forward gap skipped (02:30 on the night clocks go forward) is read as the hour after.
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
            return StoredTime.Trim(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone));
        }
        var starts = parsed.Workouts.Select(w => Utc(w.StartLocal)).Distinct().ToList();
        var stored = (await db.Workouts.AsNoTracking().Where(w => w.UserId == access.UserId && starts.Contains(w.StartedAt))
            .Select(w => new { w.StartedAt, w.Name }).ToListAsync(ct)).Select(w => (w.StartedAt, w.Name)).ToHashSet();
        var fresh = parsed.Workouts.Where(w => !stored.Contains((Utc(w.StartLocal), Cut(w.Name, 200)))).ToList();

        // Exercise names: the library, then the household's own, else a new household exercise.
        var own = await db.Exercises.AsNoTracking().ToListAsync(ct);
        var ownByKey = own.GroupBy(e => e.NameKey).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var now = StoredTime.Now(clock);
        var created = new List<Exercise>();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in fresh.SelectMany(w => w.Sets).Select(s => s.Exercise).Distinct(StringComparer.Ordinal))
        {
            var key = ExerciseNames.Key(name);
            if (key.Length == 0 || name.Length > 100) { errors.Add("file", $"The exercise name '{name[..Math.Min(name.Length, 40)]}' cannot be used."); continue; }
            if (ExerciseLibrary.FindByName(name) is { } builtIn) ids[name] = builtIn.Id;
            else if (ownByKey.TryGetValue(key, out var id)) ids[name] = id;
            else
            {
                var sets = fresh.SelectMany(w => w.Sets).Where(s => s.Exercise == name).ToList();
                var type = sets.Any(s => s.WeightKg is not null) ? ExerciseType.WeightReps
                    : sets.Any(s => s.DistanceM is not null) ? ExerciseType.Distance
                    : sets.Any(s => s.DurationSeconds is not null && s.Reps is null) ? ExerciseType.Time : ExerciseType.BodyweightReps;
                var exercise = new Exercise { Id = Guid.CreateVersion7(), HouseholdId = householdId, Name = name, NameKey = key, Type = type, CreatedBy = access.UserId, CreatedAt = now };
                created.Add(exercise);
                ownByKey[key] = exercise.Id;
                ids[name] = exercise.Id;
            }
        }
        if (errors.Any) return errors.ToResult();

        var workouts = fresh.Select(p =>
        {
            var start = Utc(p.StartLocal);
            DateTime? end = p.EndLocal is { } e && Utc(e) >= start ? Utc(e) : null;
            var w = new Workout
            {
                Id = Guid.CreateVersion7(), HouseholdId = householdId, UserId = access.UserId, Name = Cut(p.Name, 200), Notes = p.Notes is null ? null : Cut(p.Notes, 4000),
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
        if (dryRun || workouts.Count == 0) return TypedResults.Ok(response);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.BulkInsertAsync(created, ct);
        await db.BulkInsertAsync(workouts.Select(w => new Workout
        {
            Id = w.Id, HouseholdId = w.HouseholdId, UserId = w.UserId, Name = w.Name, Notes = w.Notes, StartedAt = w.StartedAt, EndedAt = w.EndedAt,
            Source = w.Source, CreatedAt = w.CreatedAt, UpdatedAt = w.UpdatedAt, Version = w.Version,
        }).ToList(), ct);
        await db.BulkInsertAsync(allSets, ct);
        foreach (var w in workouts) db.PublishCompleted(w, [], now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(response);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>What an import adds (or would add, dryRun): workouts and sets not stored yet, the exercises they use,
/// duplicates (workouts already stored, skipped), the names that become household exercises, rows skipped as
/// rest timers and the lines that could not be read.</summary>
public sealed record WorkoutImportResponse(bool DryRun, string Format, int Workouts, int Sets, int Exercises, int Duplicates,
    IReadOnlyList<string> NewExercises, int SkippedRows, IReadOnlyList<string> Errors);
