namespace TrackStack.Nutrition.Features.CopyLog;

/// <summary>Copies a meal or a whole day of the caller's own diary to another day (and meal): "what I had for breakfast
/// yesterday" in one tap. The copies keep the logged values (they are what was eaten), get new ids, and each is
/// announced with MealLogged and the target day's running totals.</summary>
internal static class CopyLog
{
    /// <summary>Meal null copies the whole day into the same meals; ToMeal puts a copied meal under another name.</summary>
    public sealed record CopyLogRequest(DateOnly? FromDate, DateOnly? ToDate, string? Meal, string? ToMeal);

    public static void MapCopyLog(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/log/copy", HandleAsync).WithSummary("Copy a meal or a whole day of the caller's diary to another day");

    internal static async Task<Results<Created<IReadOnlyList<DiaryEntryResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, CopyLogRequest request, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var today = access.Today(clock);
        var errors = new FieldErrors();
        errors.Check(request.FromDate is { } f && f >= new DateOnly(2000, 1, 1) && f <= today.AddDays(DiaryEntryInput.MaxDaysAhead), "fromDate", "Give the day to copy from.");
        errors.Check(request.ToDate is { } t && t >= new DateOnly(2000, 1, 1) && t <= today.AddDays(DiaryEntryInput.MaxDaysAhead), "toDate", "Give the day to copy to (not later than tomorrow).");
        var meal = request.Meal?.Trim().ToLowerInvariant();
        var toMeal = request.ToMeal?.Trim().ToLowerInvariant();
        errors.Check(meal is null || meal.Length is > 0 and <= 40, "meal", "Name the meal to copy, or leave it out to copy the whole day.");
        errors.Check(toMeal is null || (meal is not null && toMeal.Length is > 0 and <= 40), "toMeal", "A meal to copy into needs the meal to copy (at most 40 characters).");
        errors.Check(request.FromDate != request.ToDate || (toMeal is not null && toMeal != meal), "toDate", "Copy to another day or another meal.");
        if (errors.Any) return errors.ToResult();

        var from = request.FromDate!.Value;
        var to = request.ToDate!.Value;
        var source = await db.Diary.AsNoTracking()
            .Where(d => d.UserId == access.UserId && d.Date == from && (meal == null || d.Meal == meal))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        if (source.Count == 0)
            return errors.Add(meal is null ? "fromDate" : "meal", meal is null ? "Nothing is logged on that day." : "Nothing is logged in that meal on that day.").ToResult();

        var now = StoredTime.Now(clock);
        var day = await db.DayTotalsAsync(access.UserId, to, ct);
        var copies = new List<DiaryEntry>(source.Count);
        foreach (var s in source)
        {
            var copy = new DiaryEntry
            {
                Id = Guid.CreateVersion7(), HouseholdId = householdId, UserId = access.UserId, Date = to, Meal = toMeal ?? s.Meal, Kind = s.Kind,
                FoodId = s.FoodId, RecipeId = s.RecipeId, Label = s.Label, Quantity = s.Quantity, Unit = s.Unit, Grams = s.Grams, Servings = s.Servings,
                CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            copy.SetNutrients(s.Nutrients);
            day = day.Plus(copy.Nutrients);
            db.PublishEvent(new MealLogged(Guid.NewGuid(), now, householdId, access.UserId, copy.Id, copy.Date, copy.Meal, copy.Kcal, copy.Protein,
                Math.Round(day.Kcal ?? 0, 1), Math.Round(day.Protein ?? 0, 1), copy.Version));
            copies.Add(copy);
        }
        db.Diary.AddRange(copies);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/nutrition/log?date={to:yyyy-MM-dd}",
            (IReadOnlyList<DiaryEntryResponse>)copies.Select(c => c.ToResponse()).ToList());
    }
}
