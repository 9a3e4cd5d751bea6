namespace TrackStack.Expenses.Features.CorrectExpense;

internal static class CorrectExpense
{
    public static void MapCorrectExpense(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/entries/{entryId:guid}", HandleAsync).WithSummary("Change an entry (all fields)");

    internal static async Task<Results<Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid entryId, EntryRequest request, ExpensesDb db, MonthSheets months, IHouseholdMembershipQuery members, TimeProvider clock, CancellationToken ct)
    {
        var entry = await db.Entries.Include(e => e.Parts).FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return Problems.NotFound("Entry");
        var errors = await EntryValidation.CheckAsync(request, householdId, db, members, ct);
        if (errors.Any) return errors.ToResult();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var month in new[] { YearMonth.Of(entry.Date), YearMonth.Of(request.Date!.Value) }.Distinct())
        {
            if (await months.EnsureWritableAsync(month, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        }
        var paidBy = entry.PaidBy;
        entry.Apply(request);
        entry.PaidBy = request.PaidBy ?? paidBy;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(entry.ToResponse(await db.CategoryNamesAsync(ct)));
    }
}
