namespace TrackStack.Training.Features.GetMuscleVolume;

internal static class GetMuscleVolume
{
    public const int MaxWeeks = 52;

    public static void MapGetMuscleVolume(this RouteGroupBuilder training) =>
        training.MapGet("/volume", HandleAsync)
            .WithSummary("Weekly sets and volume per muscle group of a member's log, the last weeks (Monday to Sunday, household time), oldest first")
            .WithDescription("Counts the sets that count (not warm-ups). A set counts 1 set and its whole volume for each primary muscle of the exercise and half a set and half its volume for each secondary muscle, so a bench press adds to the chest fully and to triceps and shoulders half. Exercises without muscles are left out.");

    internal static async Task<Results<Ok<MuscleVolumeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid? memberId, int? weeks, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var count = weeks ?? 8;
        errors.Check(count is >= 1 and <= MaxWeeks, "weeks", $"Ask for 1 to {MaxWeeks} weeks.");
        if (errors.Any) return errors.ToResult();
        var access = http.GetHouseholdAccess();
        if (await db.ReadableMemberAsync(access, memberId, ct) is not { } member) return Problems.NotFound("member log");

        var today = access.Today(clock);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = thisMonday.AddDays(-7 * (count - 1));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Context.TimeZone);
        var from = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(thisMonday.AddDays(7).ToDateTime(TimeOnly.MinValue), zone);
        var sets = await db.Sets.AsNoTracking().Where(s => s.UserId == member && s.StartedAt >= from && s.StartedAt < to)
            .Select(s => new { s.StartedAt, s.ExerciseId, s.Kind, s.WeightKg, s.Reps }).ToListAsync(ct);
        var muscles = (await ExerciseCatalog.AllAsync(db, ct)).ToDictionary(e => e.Id);

        var result = Enumerable.Range(0, count).Select(i => new Dictionary<string, (double Sets, double Volume)>(StringComparer.Ordinal)).ToArray();
        foreach (var s in sets.Where(s => s.Kind.Counts()))
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(s.StartedAt, DateTimeKind.Utc), zone));
            var week = (day.DayNumber - first.DayNumber) / 7;
            if (week < 0 || week >= count || !muscles.TryGetValue(s.ExerciseId, out var exercise)) continue;
            var volume = s.WeightKg is { } kg && s.Reps is { } r ? kg * r : 0;
            foreach (var (muscle, share) in exercise.PrimaryMuscles.Select(m => (m, 1.0)).Concat(exercise.SecondaryMuscles.Select(m => (m, 0.5))))
            {
                var had = result[week].GetValueOrDefault(muscle);
                result[week][muscle] = (had.Sets + share, had.Volume + share * volume);
            }
        }
        return TypedResults.Ok(new MuscleVolumeResponse(member, result.Select((w, i) => new MuscleWeekResponse(first.AddDays(7 * i),
            w.OrderByDescending(m => m.Value.Sets).ThenBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => new MuscleLoadResponse(m.Key, m.Value.Sets, Math.Round(m.Value.Volume, 1))).ToList())).ToList()));
    }
}

/// <summary>A member's weeks, oldest first, each starting on its Monday.</summary>
public sealed record MuscleVolumeResponse(Guid MemberId, IReadOnlyList<MuscleWeekResponse> Weeks);

/// <summary>The muscles trained that week, most sets first.</summary>
public sealed record MuscleWeekResponse(DateOnly WeekStart, IReadOnlyList<MuscleLoadResponse> Muscles);

/// <summary>Sets (primary muscle 1, secondary 0.5 per set) and volume in kg × reps shared the same way.</summary>
public sealed record MuscleLoadResponse(string Muscle, double Sets, double VolumeKg);
