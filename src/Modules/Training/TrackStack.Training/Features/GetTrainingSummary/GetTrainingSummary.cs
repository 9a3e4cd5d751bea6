namespace TrackStack.Training.Features.GetTrainingSummary;

internal static class GetTrainingSummary
{
    public static void MapGetTrainingSummary(this RouteGroupBuilder training) =>
        training.MapGet("/summary", HandleAsync)
            .WithSummary("The home card: the signed-in member's last workout, and sessions, sets and volume this week (Monday to Sunday, household time)");

    internal static async Task<Ok<TrainingSummaryResponse>> HandleAsync(Guid householdId, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var today = access.Today(clock);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Context.TimeZone);
        var weekStart = TimeZoneInfo.ConvertTimeToUtc(monday.ToDateTime(TimeOnly.MinValue), zone);
        var weekEnd = TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(7).ToDateTime(TimeOnly.MinValue), zone);
        var mine = db.Workouts.AsNoTracking().Where(w => w.UserId == access.UserId);
        var last = await mine.OrderByDescending(w => w.StartedAt).ThenBy(w => w.Id).Include(w => w.Sets).FirstOrDefaultAsync(ct);
        var week = await TrainingWeek.ReadAsync(db, access.UserId, weekStart, weekEnd, ct);
        var settings = await db.SettingsOfAsync(access.UserId, ct);
        var next = await NextRoutineDayAsync(db, access.UserId, ct);
        return TypedResults.Ok(new TrainingSummaryResponse(
            last is null ? null : new WorkoutSummaryResponse(last.Id, last.UserId, last.Name, last.StartedAt, last.EndedAt, last.Source,
                last.Sets.Count, WorkoutMapping.Volume(last.Sets), last.Sets.Select(s => s.ExerciseId).Distinct().Count()),
            monday, week.Sessions, week.Sets, week.VolumeKg, settings.Unit == WeightUnit.Lb ? "lb" : "kg", next));
    }

    /// <summary>The day after the one the member last trained from a routine (wrapping round to the first), or the
    /// first day of the household's oldest routine when the member has not trained from one that still exists.</summary>
    private static async Task<NextRoutineDayResponse?> NextRoutineDayAsync(TrainingDb db, Guid user, CancellationToken ct)
    {
        var last = await db.Workouts.AsNoTracking().Where(w => w.UserId == user && w.RoutineId != null)
            .OrderByDescending(w => w.StartedAt).Select(w => new { w.RoutineId, w.RoutineDay }).FirstOrDefaultAsync(ct);
        var routine = last is null ? null : await db.Routines.AsNoTracking().FirstOrDefaultAsync(r => r.Id == last.RoutineId, ct);
        var day = routine is null ? 0 : (last!.RoutineDay ?? -1) + 1;
        routine ??= await db.Routines.AsNoTracking().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (routine is null) return null;
        var days = routine.DaysOf();
        if (days.Count == 0) return null;
        day = day < 0 || day >= days.Count ? 0 : day;
        return new NextRoutineDayResponse(routine.Id, routine.Name, day, days[day].Name);
    }
}

/// <summary>The home card's figures; volume in kilograms × reps, unit is how the member reads weights.</summary>
public sealed record TrainingSummaryResponse(WorkoutSummaryResponse? LastWorkout, DateOnly WeekStart, int SessionsThisWeek, int SetsThisWeek,
    double VolumeThisWeekKg, string Unit, NextRoutineDayResponse? NextRoutineDay);

/// <summary>The routine day to train next: Day is its index (what .../routines/{id}/days/{day}/start takes).</summary>
public sealed record NextRoutineDayResponse(Guid RoutineId, string RoutineName, int Day, string DayName);
