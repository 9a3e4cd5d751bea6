namespace TrackStack.Expenses.Domain;

internal sealed record TankBudget(string Key, string Name, decimal RatioPercent, long BudgetCents, long SpentCents, long RemainingCents, decimal? PercentUsed, bool Over);

/// <summary>SpentCents: what this month is compared by (up to ThroughDay when the month is in progress).</summary>
internal sealed record MonthComparison(long? AverageSpentCents, int MonthsCounted, long? DeltaCents, decimal? DeltaPercent, long SpentCents = 0, int? ThroughDay = null);

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
        IReadOnlyList<long> previousMonthsSpent,
        (long SpentCents, int Day)? soFar = null)
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
        return new MonthFigures(incomeCents, total, incomeCents - total, uncategorisedCents, tankBudgets, soFar is { } part ? Compare(part.SpentCents, previousMonthsSpent, part.Day) : Compare(total, previousMonthsSpent));
    }

    /// <summary>This month's spending (through <paramref name="throughDay"/> when in progress) against the average of
    /// the previous months over the same days.</summary>
    public static MonthComparison Compare(long spent, IReadOnlyList<long> previous, int? throughDay = null)
    {
        if (previous.Count == 0) return new MonthComparison(null, 0, null, null, spent, throughDay);
        var average = (long)Math.Round(previous.Average(), MidpointRounding.AwayFromZero);
        return new MonthComparison(average, previous.Count, spent - average, Money.Percent(spent - average, average), spent, throughDay);
    }
}
