namespace TrackStack.Nutrition.Features.GetNutritionSummary;

internal static class GetNutritionSummary
{
    public static void MapGetNutritionSummary(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/summary", HandleAsync).WithSummary("Today for the home card: kcal left and protein to go");

    internal static async Task<Ok<NutritionSummaryResponse>> HandleAsync(Guid householdId, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var today = access.Today(clock);
        var targets = (await db.TargetsOrDefaultsAsync(householdId, access.UserId, ct)).ForDay(today);
        var entries = await db.Diary.AsNoTracking().Where(d => d.UserId == access.UserId && d.Date == today).ToListAsync(ct);
        var totals = DiaryMapping.Sum(entries);
        var (kcal, protein) = DiaryMapping.Remaining(totals, targets);
        return TypedResults.Ok(new NutritionSummaryResponse(today, Math.Round(totals.Kcal ?? 0), targets.Kcal, kcal, Math.Round(totals.Protein ?? 0, 1),
            targets.Protein, protein, entries.Count, DiaryMapping.RemainingSentence(kcal, protein)));
    }
}
