namespace TrackStack.Nutrition.Features.ChangeLogEntry;

internal static class ChangeLogEntry
{
    public static void MapChangeLogEntry(this RouteGroupBuilder nutrition) =>
        nutrition.MapPut("/log/{entryId:guid}", HandleAsync).WithSummary("Change an entry of the caller's diary (amount, meal, day)");

    internal static async Task<Results<Ok<DiaryEntryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid entryId, LogRequest request, HttpContext http, NutritionDb db, FoodCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var entry = await db.Diary.FirstOrDefaultAsync(d => d.Id == entryId && d.UserId == access.UserId, ct);
        if (entry is null) return Problems.NotFound("Diary entry");
        var (errors, apply) = await DiaryEntryInput.ResolveAsync(request, access.Today(clock), db, catalog, ct);
        if (request.Id is { } id && id != entryId) errors.Add("id", "id cannot be changed.");
        if (errors.Any || apply is null) return errors.ToResult();
        var previous = entry.Date;
        var now = StoredTime.Now(clock);
        apply(entry);
        entry.UpdatedAt = now;
        entry.Version++;
        var others = await db.Diary.AsNoTracking().Where(d => d.UserId == access.UserId && d.Date == entry.Date && d.Id != entry.Id).ToListAsync(ct);
        var day = DiaryMapping.Sum(others).Plus(entry.Nutrients);
        db.PublishEvent(new MealChanged(Guid.NewGuid(), now, householdId, access.UserId, entry.Id, entry.Date, previous == entry.Date ? null : previous, entry.Meal,
            entry.Kcal, entry.Protein, Math.Round(day.Kcal ?? 0, 1), Math.Round(day.Protein ?? 0, 1), entry.Version));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(entry.ToResponse());
    }
}
