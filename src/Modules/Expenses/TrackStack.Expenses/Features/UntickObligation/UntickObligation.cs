namespace TrackStack.Expenses.Features.UntickObligation;

internal static class UntickObligation
{
    public static void MapUntickObligation(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/months/{month}/obligations/{obligationId:guid}/untick", HandleAsync)
            .WithSummary("Undo a tick: deletes the entry it recorded");

    internal static async Task<Results<Ok<ObligationResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, string month, Guid obligationId, ExpensesDb db, MonthSheets sheets, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
        var obligation = await db.Obligations.FirstOrDefaultAsync(o => o.Id == obligationId && o.Month == m.Key, ct);
        if (obligation is null) return Problems.NotFound("Obligation");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await sheets.EnsureWritableAsync(m, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        if (obligation.EntryId is { } entryId)
        {
            // The entry may have been moved to another month since: that month must be writable too.
            var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
            if (entry is not null)
            {
                if (await sheets.EnsureWritableAsync(YearMonth.Of(entry.Date), ct) is { } closedToo) return Problems.Conflict("Month closed", closedToo);
                db.Entries.Remove(entry);
            }
        }
        obligation.Status = ObligationStatus.Pending;
        obligation.EntryId = null;
        obligation.DoneAt = null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(obligation.ToResponse());
    }
}
