namespace TrackStack.Expenses.Features.GetExpense;

internal static class GetExpense
{
    public static void MapGetExpense(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/entries/{entryId:guid}", HandleAsync).WithSummary("One entry");

    internal static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid entryId, ExpensesDb db, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Include(e => e.Parts).FirstOrDefaultAsync(e => e.Id == entryId, ct);
        return entry is null ? Problems.NotFound("Entry") : TypedResults.Ok(entry.ToResponse(await db.CategoryNamesAsync(ct)));
    }
}
