namespace TrackStack.Nutrition.Features.GetDiary;

internal static class GetDiary
{
    public static void MapGetDiary(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/log", HandleAsync)
            .WithSummary("The caller's diary of a day (default today) with totals and what remains; member=<user id> reads another member's only when they share it");

    internal static async Task<Results<Ok<DiaryDayResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, DateOnly? date, Guid? member, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var day = date ?? access.Today(clock);
        var userId = member ?? access.UserId;
        var targets = (await db.TargetsOrDefaultsAsync(householdId, userId, ct)).ForDay(day);
        // Another member's diary is private unless they share it: not shared looks like no such diary.
        if (userId != access.UserId && !targets.ShareDiary) return Problems.NotFound("Diary");
        var entries = await db.Diary.AsNoTracking().Where(d => d.UserId == userId && d.Date == day).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var names = DiaryMapping.DefaultMeals.Concat(entries.Select(e => e.Meal).Where(m => !DiaryMapping.DefaultMeals.Contains(m)).Distinct()).ToList();
        var meals = names.Select(n =>
        {
            var of = entries.Where(e => e.Meal == n).ToList();
            return new MealResponse(n, of.Select(e => e.ToResponse()).ToList(), DiaryMapping.Sum(of).ToResponse());
        }).ToList();
        var totals = DiaryMapping.Sum(entries);
        var (kcal, protein) = DiaryMapping.Remaining(totals, targets);
        return TypedResults.Ok(new DiaryDayResponse(day, userId, userId == access.UserId, meals, totals.ToResponse(), targets.ToResponse(),
            kcal, protein, DiaryMapping.RemainingSentence(kcal, protein)));
    }
}
