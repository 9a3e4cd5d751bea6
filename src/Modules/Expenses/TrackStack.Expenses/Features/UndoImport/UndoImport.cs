namespace TrackStack.Expenses.Features.UndoImport;

internal static class UndoImport
{
    public static void MapUndoImport(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/imports/{importId:guid}", HandleAsync).WithSummary("Undo an import: deletes the entries it created, unticks the bills it ticked and unlinks the entries its lines were matched to");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid importId, ExpensesDb db, CancellationToken ct)
    {
        // The closed-month check and the delete in one transaction: a month closed meanwhile cannot lose entries.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var import = await db.Imports.FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null) return Problems.NotFound("Import");
        // Every month the undo changes: the created entries', the linked entries' and the ticked bills' (a bill may be
        // due in the month next to its bank line).
        var created = db.Entries.Where(e => e.ImportId == importId).Select(e => e.Id);
        var months = (await db.Entries.Where(e => e.ImportId == importId || e.LinkedImportId == importId).Select(e => e.Date).Distinct().ToListAsync(ct))
            .Select(d => YearMonth.Of(d).Key).ToHashSet();
        months.UnionWith(await db.Obligations.Where(o => o.EntryId != null && created.Contains(o.EntryId.Value)).Select(o => o.Month).Distinct().ToListAsync(ct));
        var closed = await db.Months.Where(s => s.Status == MonthStatus.Closed).Select(s => s.Month).ToListAsync(ct);
        if (months.Any(closed.Contains)) return Problems.Conflict("Month closed", "The import changed a closed month. Reopen it first.");
        await db.Obligations.Where(o => o.EntryId != null && created.Contains(o.EntryId.Value))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, ObligationStatus.Pending).SetProperty(x => x.EntryId, (Guid?)null).SetProperty(x => x.DoneAt, (DateTime?)null), ct);
        await EntryEvents.PublishDeletedAsync(db, db.Entries.Where(e => e.ImportId == importId), ct);
        await db.Entries.Where(e => e.ImportId == importId).ExecuteDeleteAsync(ct);
        // Entries the household made itself stay; they only lose the bank line they were matched to.
        await db.Entries.Where(e => e.LinkedImportId == importId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.LinkedImportId, (Guid?)null).SetProperty(x => x.BankTransactionId, (string?)null).SetProperty(x => x.DedupKey, (string?)null), ct);
        db.Imports.Remove(import);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
