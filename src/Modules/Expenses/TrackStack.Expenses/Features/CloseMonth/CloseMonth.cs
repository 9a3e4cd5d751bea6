namespace TrackStack.Expenses.Features.CloseMonth;

internal static class CloseMonth
{
    public static void MapCloseMonth(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/months/{month}/close", HandleAsync).WithSummary("Close a month: its entries and obligations stop changing; idempotent");

    internal static async Task<Results<Ok<MonthStateResponse>, ValidationProblem>> HandleAsync(Guid householdId, string month, ExpensesDb db, MonthSheets sheets, TimeProvider clock, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return MonthStateMapping.BadMonth();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sheet = await sheets.FindAsync(m, ct) ?? await sheets.OpenAsync(m, ct);
        if (sheet.Status != MonthStatus.Closed)
        {
            sheet.Status = MonthStatus.Closed;
            sheet.ClosedAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(sheet.ToState());
    }
}
