namespace TrackStack.Expenses.Features.SetMonthIncome;

public sealed record MonthIncomeRequest(long? IncomeCents);

internal static class SetMonthIncome
{
    public static void MapSetMonthIncome(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/months/{month}/income", HandleAsync).WithSummary("Set this month's income (other months keep theirs)");

    internal static async Task<Results<Ok<MonthStateResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, string month, MonthIncomeRequest request, ExpensesDb db, MonthSheets sheets, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return MonthStateMapping.BadMonth();
        if (request.IncomeCents is not (>= 0 and <= 100_000_000_000)) return new FieldErrors().Add("incomeCents", "Enter an income between 0 and 1,000,000,000.").ToResult();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await sheets.EnsureWritableAsync(m, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        var sheet = (await sheets.FindAsync(m, ct))!;
        if (sheet.IncomeCents != request.IncomeCents.Value)
        {
            sheet.IncomeCents = request.IncomeCents.Value;
            sheet.IncomeVersion++;
            await MonthIncomeEvents.PublishAsync(db, sheet, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(sheet.ToState());
    }
}
