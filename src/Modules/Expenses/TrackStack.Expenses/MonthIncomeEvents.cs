using TrackStack.Expenses.Contracts;

namespace TrackStack.Expenses;

/// <summary>MonthIncomeSet, queued in the caller's transaction by the two writes that set a month's income: its
/// opening (MonthSheets) and SetMonthIncome. Each raises the month's income version first.</summary>
internal static class MonthIncomeEvents
{
    public static async Task PublishAsync(ExpensesDb db, MonthSheet sheet, CancellationToken ct)
    {
        var currency = (await db.GetHouseholdContextAsync(db.HouseholdId, ct)).Currency;
        db.PublishEvent(new MonthIncomeSet(Guid.NewGuid(), EntryEvents.Now(db), sheet.HouseholdId, YearMonth.FromKey(sheet.Month).ToString(),
            sheet.IncomeCents, currency, sheet.IncomeVersion));
    }
}
