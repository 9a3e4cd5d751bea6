using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TrackStack.BuildingBlocks;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Months;

internal static class MonthLifecycleEndpoints
{
    public static void MapMonthLifecycle(this RouteGroupBuilder expenses)
    {
        expenses.MapPost("/months/{month}/open", OpenAsync).WithSummary("Open (or reopen) a month; idempotent");
        expenses.MapPost("/months/{month}/close", CloseAsync).WithSummary("Close a month: its entries and obligations stop changing; idempotent");
        expenses.MapPut("/months/{month}/income", SetIncomeAsync).WithSummary("Set this month's income (other months keep theirs)");
    }

    internal static async Task<Results<Ok<MonthStateResponse>, ValidationProblem>> OpenAsync(Guid householdId, string month, ExpensesDb db, MonthSheets sheets, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return BadMonth();
        var sheet = await sheets.OpenAsync(householdId, m, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(State(sheet));
    }

    internal static async Task<Results<Ok<MonthStateResponse>, ValidationProblem>> CloseAsync(Guid householdId, string month, ExpensesDb db, MonthSheets sheets, TimeProvider clock, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return BadMonth();
        var sheet = await sheets.FindAsync(householdId, m, ct) ?? await sheets.OpenAsync(householdId, m, ct);
        if (sheet.Status != MonthStatus.Closed)
        {
            sheet.Status = MonthStatus.Closed;
            sheet.ClosedAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(State(sheet));
    }

    internal static async Task<Results<Ok<MonthStateResponse>, ValidationProblem, ProblemHttpResult>> SetIncomeAsync(
        Guid householdId, string month, MonthIncomeRequest request, ExpensesDb db, MonthSheets sheets, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return BadMonth();
        if (request.IncomeCents is not (>= 0 and <= 100_000_000_000)) return new FieldErrors().Add("incomeCents", "Enter an income between 0 and 1,000,000,000.").ToResult();
        if (await sheets.EnsureWritableAsync(householdId, m, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        var sheet = (await sheets.FindAsync(householdId, m, ct))!;
        sheet.IncomeCents = request.IncomeCents.Value;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(State(sheet));
    }

    private static ValidationProblem BadMonth() => new FieldErrors().Add("month", "Use the form yyyy-MM, e.g. 2026-11.").ToResult();

    private static MonthStateResponse State(MonthSheet s) =>
        new(YearMonth.FromKey(s.Month).ToString(), s.Status.ToString().ToLowerInvariant(), s.IncomeCents, s.OpenedAt, s.ClosedAt);
}
