namespace TrackStack.Expenses.Features.UndoImport;

internal static class UndoImport
{
    public static void MapUndoImport(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/imports/{importId:guid}", HandleAsync).WithSummary("Undo an import: deletes the entries it created");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid importId, ExpensesDb db, CancellationToken ct)
    {
        // The closed-month check and the delete in one transaction: a month closed meanwhile cannot lose entries.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var import = await db.Imports.FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null) return Problems.NotFound("Import");
        var months = await db.Entries.Where(e => e.ImportId == importId).Select(e => e.Date).Distinct().ToListAsync(ct);
        var closed = await db.Months.Where(s => s.Status == MonthStatus.Closed).Select(s => s.Month).ToListAsync(ct);
        if (months.Any(d => closed.Contains(YearMonth.Of(d).Key))) return Problems.Conflict("Month closed", "The import has entries in a closed month. Reopen it first.");
        await db.Entries.Where(e => e.ImportId == importId).ExecuteDeleteAsync(ct);
        db.Imports.Remove(import);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
