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
        var week = await db.Sets.AsNoTracking().Where(s => s.UserId == access.UserId && s.StartedAt >= weekStart && s.StartedAt < weekEnd).ToListAsync(ct);
        var sessions = await mine.CountAsync(w => w.StartedAt >= weekStart && w.StartedAt < weekEnd, ct);
        var settings = await db.SettingsOfAsync(access.UserId, ct);
        return TypedResults.Ok(new TrainingSummaryResponse(
            last is null ? null : new WorkoutSummaryResponse(last.Id, last.UserId, last.Name, last.StartedAt, last.EndedAt, last.Source,
                last.Sets.Count, WorkoutMapping.Volume(last.Sets), last.Sets.Select(s => s.ExerciseId).Distinct().Count()),
            monday, sessions, week.Count(s => s.Kind.Counts()), WorkoutMapping.Volume(week), settings.Unit == WeightUnit.Lb ? "lb" : "kg"));
    }
}

/// <summary>The home card's figures; volume in kilograms × reps, unit is how the member reads weights.</summary>
public sealed record TrainingSummaryResponse(WorkoutSummaryResponse? LastWorkout, DateOnly WeekStart, int SessionsThisWeek, int SetsThisWeek,
    double VolumeThisWeekKg, string Unit);
