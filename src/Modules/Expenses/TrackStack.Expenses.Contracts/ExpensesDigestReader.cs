using TrackStack.BuildingBlocks.Households;

namespace TrackStack.Expenses.Contracts;

/// <summary>The month sheet's figures for a module in the same process (the Reports module's month-end digest): the
/// same numbers as GET .../expenses/months/{month}. Household data only. The caller has entered the household's scope.</summary>
public interface IExpensesDigestReader
{
    Task<ExpensesMonthFigures> ReadMonthAsync(Guid householdId, HouseholdContext context, int year, int month, CancellationToken ct);
}

/// <summary>Money in cents of <paramref name="Currency"/>. Categories by spend, largest first; pending bills are the
/// month's obligations not ticked yet.</summary>
public sealed record ExpensesMonthFigures(
    string Month, string Currency, long IncomeCents, long SpentCents, long RemainingCents,
    IReadOnlyList<TankFigure> Tanks, IReadOnlyList<CategoryFigure> Categories, IReadOnlyList<PendingBillFigure> PendingBills);

public sealed record TankFigure(string Key, string Name, long BudgetCents, long SpentCents, long RemainingCents, bool Over);

public sealed record CategoryFigure(string Name, string TankKey, long SpentCents);

public sealed record PendingBillFigure(string Title, long AmountCents, int? DueDay);
