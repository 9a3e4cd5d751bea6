namespace TrackStack.Expenses.Features.OpenMonth;

internal static class OpenMonth
{
    public static void MapOpenMonth(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/months/{month}/open", HandleAsync).WithSummary("Open (or reopen) a month; idempotent");

    internal static async Task<Results<Ok<MonthStateResponse>, ValidationProblem>> HandleAsync(Guid householdId, string month, ExpensesDb db, MonthSheets sheets, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return MonthStateMapping.BadMonth();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sheet = await sheets.OpenAsync(m, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(sheet.ToState());
    }
}
