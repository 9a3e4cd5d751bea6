namespace TrackStack.Nutrition.Features.DeleteLogEntry;

internal static class DeleteLogEntry
{
    public static void MapDeleteLogEntry(this RouteGroupBuilder nutrition) =>
        nutrition.MapDelete("/log/{entryId:guid}", HandleAsync).WithSummary("Delete an entry of the caller's diary");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid entryId, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var entry = await db.Diary.FirstOrDefaultAsync(d => d.Id == entryId && d.UserId == access.UserId, ct);
        if (entry is null) return Problems.NotFound("Diary entry");
        var others = await db.Diary.AsNoTracking().Where(d => d.UserId == access.UserId && d.Date == entry.Date && d.Id != entry.Id).ToListAsync(ct);
        var day = DiaryMapping.Sum(others);
        db.Diary.Remove(entry);
        db.PublishEvent(new MealDeleted(Guid.NewGuid(), StoredTime.Now(clock), householdId, access.UserId, entry.Id, entry.Date,
            Math.Round(day.Kcal ?? 0, 1), Math.Round(day.Protein ?? 0, 1), entry.Version + 1));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
