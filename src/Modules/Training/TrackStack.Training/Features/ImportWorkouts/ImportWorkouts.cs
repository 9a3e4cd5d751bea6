namespace TrackStack.Training.Features.ImportWorkouts;

internal static class ImportWorkouts
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static void MapImportWorkouts(this RouteGroupBuilder training) =>
        training.MapPost("/imports", HandleAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Import a Strong or Hevy CSV export into one's own log (form field 'file'; dryRun=true only counts; unit=kg|lb for a Strong 'Weight' column; mappings, a JSON object from a name in the file to an exercise id, for names the preview listed as new)")
            .WithDescription("Workouts already stored (same start time and name) are counted as duplicates and not added again, so importing the same file twice adds nothing. Exercise names the library or household knows map to that exercise (aliases included); names in mappings map to the exercise chosen; others become household exercises. Two imports of one file at the same moment store it once: the later answers its workouts as duplicates.");

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

        var mappings = await ImportMappings.ReadAsync(upload.Fields.GetValueOrDefault("mappings"), db, errors, ct);
        if (errors.Any) return errors.ToResult();

        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Context.TimeZone);
        DateTime Utc(DateTime local)
        {
            // A clock time the spring-forward gap skipped (02:30 on the night clocks go forward) is read as the hour after.
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
            return StoredTime.Trim(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone));
        }
        var now = StoredTime.Now(clock);
        if (dryRun)
        {
            var (preview, previewErrors) = await ImportPlan.MakeAsync(parsed, mappings, true, householdId, access.UserId, Utc, db, now, ct);
            return preview is null ? previewErrors.ToResult() : TypedResults.Ok(preview.Response);
        }

        // The duplicate check reads inside the transaction that inserts. Two imports of one file at the same moment:
        // the unique indexes (workout start and name, exercise name) stop the later one, which then plans again and
        // finds the other's workouts stored, so it answers them as duplicates instead of failing.
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (plan, planErrors) = await ImportPlan.MakeAsync(parsed, mappings, false, householdId, access.UserId, Utc, db, now, ct);
            if (plan is null) return planErrors.ToResult();
            if (plan.Workouts.Count == 0) return TypedResults.Ok(plan.Response);
            try
            {
                await db.BulkInsertAsync(plan.Created, ct);
                await db.BulkInsertAsync(plan.Workouts.Select(w => new Workout
                {
                    Id = w.Id, HouseholdId = w.HouseholdId, UserId = w.UserId, Name = w.Name, Notes = w.Notes, StartedAt = w.StartedAt, EndedAt = w.EndedAt,
                    Source = w.Source, CreatedAt = w.CreatedAt, UpdatedAt = w.UpdatedAt, Version = w.Version,
                }).ToList(), ct);
                await db.BulkInsertAsync(plan.Workouts.SelectMany(w => w.Sets).ToList(), ct);
                // No PersonalRecordSet for imports (ADR 0018): old history brought along is not a new record.
                foreach (var w in plan.Workouts) db.PublishCompleted(w, [], now);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return TypedResults.Ok(plan.Response);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex) && attempt < 3)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

}

/// <summary>What an import adds (or would add, dryRun): workouts and sets not stored yet, the exercises they use,
/// duplicates (workouts already stored, skipped), the names that become household exercises, rows skipped as
/// rest timers and the lines that could not be read.</summary>
public sealed record WorkoutImportResponse(bool DryRun, string Format, int Workouts, int Sets, int Exercises, int Duplicates,
    IReadOnlyList<string> NewExercises, int SkippedRows, IReadOnlyList<string> Errors);
