namespace TrackStack.Nutrition.Features.LogMeal;

internal static class LogMeal
{
    public static void MapLogMeal(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/log", HandleAsync).WithSummary("Log a food, a recipe or a quick add in the caller's diary (idempotent with a client id)");

    internal static async Task<Results<Created<DiaryEntryResponse>, Ok<DiaryEntryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, LogRequest request, HttpContext http, NutritionDb db, FoodCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        if (await db.Diary.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            // Another member's entry with this id is theirs: the id is taken, as in another household.
            return earlier.Stored is { } stored && stored.UserId == access.UserId ? TypedResults.Ok(stored.ToResponse()) : Problems.Conflict("This id is already used.");
        }
        var (errors, apply) = await DiaryEntryInput.ResolveAsync(request, access.Today(clock), db, catalog, ct);
        if (errors.Any || apply is null) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var entry = new DiaryEntry { Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, UserId = access.UserId, CreatedAt = now, UpdatedAt = now, Version = 1 };
        apply(entry);
        var day = (await db.DayTotalsAsync(access.UserId, entry.Date, ct)).Plus(entry.Nutrients);
        db.PublishEvent(new MealLogged(Guid.NewGuid(), now, householdId, access.UserId, entry.Id, entry.Date, entry.Meal, entry.Kcal, entry.Protein,
            Math.Round(day.Kcal ?? 0, 1), Math.Round(day.Protein ?? 0, 1), entry.Version));
        var (row, created) = await db.SaveNewAsync(entry, clientChoseId: request.Id is not null, ct);
        // A concurrent twin that won the race may be another member's: never answer with it.
        if (!created && row.UserId != access.UserId) return Problems.Conflict("This id is already used.");
        return created
            ? TypedResults.Created($"/api/households/{householdId}/nutrition/log/{row.Id}", row.ToResponse())
            : TypedResults.Ok(row.ToResponse());
    }
}
