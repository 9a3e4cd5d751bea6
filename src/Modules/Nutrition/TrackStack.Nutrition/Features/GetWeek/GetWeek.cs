namespace TrackStack.Nutrition.Features.GetWeek;

/// <summary>The seven days ending on a date: each day's totals against that day's targets, the averages over the days
/// logged (a day without entries is not a day of zero kcal) against the average target of those days, and the
/// streak of consecutive logged days up to the date (up to the day before when the date has nothing yet: today
/// is not over).</summary>
internal static class GetWeek
{
    public const int StreakLookback = 1000;

    public sealed record WeekDayResponse(DateOnly Date, string Weekday, int Entries, double Kcal, double Protein, double KcalTarget, double ProteinTarget);

    public sealed record WeekResponse(
        DateOnly From, DateOnly To, Guid UserId, IReadOnlyList<WeekDayResponse> Days, int LoggedDays,
        double? AverageKcal, double? AverageProtein, double? AverageKcalTarget, double? AverageProteinTarget, int Streak);

    public static void MapGetWeek(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/log/week", HandleAsync)
            .WithSummary("Seven days ending on date (default today): daily totals, averages of the logged days against target, and the streak of logged days");

    internal static async Task<Results<Ok<WeekResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, DateOnly? date, Guid? member, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var to = date ?? access.Today(clock);
        var errors = new FieldErrors();
        errors.Check(to >= new DateOnly(2000, 1, 7) && to <= new DateOnly(9000, 1, 1), "date", "Give a day from 2000 on.");
        if (errors.Any) return errors.ToResult();
        var userId = member ?? access.UserId;
        var targets = await db.TargetsOrDefaultsAsync(householdId, userId, ct);
        if (userId != access.UserId && !targets.ShareDiary) return Problems.NotFound("Diary");
        return TypedResults.Ok(await BuildAsync(db, targets, userId, to, ct));
    }

    /// <summary>The week of one member, whose diary the caller may read (the endpoint checks; the digest reads the
    /// recipient's own).</summary>
    internal static async Task<WeekResponse> BuildAsync(NutritionDb db, MemberTargets targets, Guid userId, DateOnly to, CancellationToken ct)
    {
        var from = to.AddDays(-6);
        var entries = await db.Diary.AsNoTracking().Where(d => d.UserId == userId && d.Date >= from && d.Date <= to).ToListAsync(ct);
        var byDay = entries.ToLookup(e => e.Date);
        var days = Enumerable.Range(0, 7).Select(i =>
        {
            var d = from.AddDays(i);
            var sum = DiaryMapping.Sum(byDay[d]);
            var (kcal, protein) = targets.On(d);
            return new WeekDayResponse(d, TargetsStore.DayName(d.DayOfWeek), byDay[d].Count(), Math.Round(sum.Kcal ?? 0), Math.Round(sum.Protein ?? 0, 1), kcal, protein);
        }).ToList();
        var logged = days.Where(d => d.Entries > 0).ToList();
        double? Avg(Func<WeekDayResponse, double> of, int digits) => logged.Count == 0 ? null : Math.Round(logged.Average(of), digits);

        // The logged days going back from the date, newest first; the streak counts them while no day is missing.
        var dates = await db.Diary.AsNoTracking().Where(d => d.UserId == userId && d.Date <= to && d.Date > to.AddDays(-StreakLookback))
            .Select(d => d.Date).Distinct().OrderByDescending(d => d).Take(StreakLookback).ToListAsync(ct);
        var set = dates.ToHashSet();
        var cursor = set.Contains(to) ? to : to.AddDays(-1);
        var streak = 0;
        while (set.Contains(cursor)) { streak++; cursor = cursor.AddDays(-1); }

        return new WeekResponse(from, to, userId, days, logged.Count, Avg(d => d.Kcal, 0), Avg(d => d.Protein, 1),
            Avg(d => d.KcalTarget, 0), Avg(d => d.ProteinTarget, 1), streak);
    }
}
