using TrackStack.Expenses.Contracts;
using TrackStack.Expenses.Features.GetMonthSheet;

namespace TrackStack.Expenses;

/// <summary>The in-process <see cref="IExpensesDigestReader"/>: the month sheet endpoint's own builder (whole months,
/// no cache), in the caller's household scope.</summary>
internal sealed class ExpensesDigestReader(ExpensesDb db, BudgetSetup budget) : IExpensesDigestReader
{
    public async Task<ExpensesMonthFigures> ReadMonthAsync(Guid householdId, HouseholdContext context, int year, int month, CancellationToken ct)
    {
        var m = new YearMonth(year, month);
        var sheet = await GetMonthSheet.BuildAsync(db, await budget.ReadAsync(ct), m, context.Currency, new ComparisonWindow(null), ct);
        return new ExpensesMonthFigures(sheet.Month, sheet.Currency, sheet.IncomeCents, sheet.SpentCents, sheet.RemainingCents,
            sheet.Tanks.Select(t => new TankFigure(t.Key, t.Name, t.BudgetCents, t.SpentCents, t.RemainingCents, t.Over)).ToList(),
            sheet.Categories.Select(c => new CategoryFigure(c.Name, c.TankKey, c.SpentCents)).ToList(),
            sheet.PendingObligations.Items.Select(o => new PendingBillFigure(o.Title, o.AmountCents, o.DueDay)).ToList());
    }
}
