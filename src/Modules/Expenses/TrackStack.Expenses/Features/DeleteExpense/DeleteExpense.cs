namespace TrackStack.Expenses.Features.DeleteExpense;

internal static class DeleteExpense
{
    public static void MapDeleteExpense(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/entries/{entryId:guid}", HandleAsync).WithSummary("Delete an entry");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid entryId, ExpensesDb db, MonthSheets months, CancellationToken ct)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return Problems.NotFound("Entry");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await months.EnsureWritableAsync(YearMonth.Of(entry.Date), ct) is { } closed) return Problems.Conflict("Month closed", closed);
        // A ticked obligation goes back to pending when its entry disappears.
        foreach (var obligation in await db.Obligations.Where(o => o.EntryId == entryId).ToListAsync(ct))
        {
            obligation.EntryId = null;
            obligation.Status = ObligationStatus.Pending;
            obligation.DoneAt = null;
        }
        db.Entries.Remove(entry);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
