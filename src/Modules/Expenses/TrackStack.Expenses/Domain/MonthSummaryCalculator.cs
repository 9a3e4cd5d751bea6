namespace TrackStack.Expenses.Domain;

internal sealed record TankBudget(string Key, string Name, decimal RatioPercent, long BudgetCents, long SpentCents, long RemainingCents, decimal? PercentUsed, bool Over);

internal sealed record MonthComparison(long? AverageSpentCents, int MonthsCounted, long? DeltaCents, decimal? DeltaPercent);

internal sealed record MonthFigures(long IncomeCents, long SpentCents, long RemainingCents, long UncategorisedCents, IReadOnlyList<TankBudget> Tanks, MonthComparison Comparison);

/// <summary>The month sheet's maths: budget per tank = income × ratio; what is spent per tank from its
/// categories; remaining first; and this month against the average of the previous months that have data.</summary>
internal static class MonthSummaryCalculator
{
    public static MonthFigures Compute(
        long incomeCents,
        IReadOnlyList<Tank> tanks,
        IReadOnlyDictionary<Guid, Guid> categoryTank,
        IReadOnlyDictionary<Guid, long> spentByCategory,
        long uncategorisedCents,
        IReadOnlyList<long> previousMonthsSpent)
    {
        var total = spentByCategory.Values.Sum() + uncategorisedCents;
        var spentByTank = new Dictionary<Guid, long>();
        foreach (var (category, cents) in spentByCategory)
        {
            // A category id without a tank (deleted meanwhile) counts as uncategorised.
            if (categoryTank.TryGetValue(category, out var tank)) spentByTank[tank] = spentByTank.GetValueOrDefault(tank) + cents;
            else uncategorisedCents += cents;
        }
        var tankBudgets = tanks.OrderBy(t => t.SortOrder).Select(t =>
        {
            var budget = Money.Share(incomeCents, t.RatioPercent);
            var spent = spentByTank.GetValueOrDefault(t.Id);
            return new TankBudget(t.Key, t.Name, t.RatioPercent, budget, spent, budget - spent, Money.Percent(spent, budget), spent > budget);
        }).ToList();
        return new MonthFigures(incomeCents, total, incomeCents - total, uncategorisedCents, tankBudgets, Compare(total, previousMonthsSpent));
    }

    public static MonthComparison Compare(long spent, IReadOnlyList<long> previous)
    {
        if (previous.Count == 0) return new MonthComparison(null, 0, null, null);
        var average = (long)Math.Round(previous.Average(), MidpointRounding.AwayFromZero);
        return new MonthComparison(average, previous.Count, spent - average, Money.Percent(spent - average, average));
    }
}
