namespace TrackStack.Expenses;

internal static class BudgetSettingsReader
{
    /// <summary>The settings answer: income, tanks with their categories, and whether the ratios add up.</summary>
    public static SettingsResponse ToResponse(this BudgetView budget, string currency)
    {
        var total = budget.Tanks.Sum(t => t.RatioPercent);
        var status = Allocation.StatusOf(total).ToString().ToLowerInvariant();
        return new SettingsResponse(budget.Settings.MonthlyIncomeCents, currency, budget.Settings.FuelCategoryId,
            budget.Tanks.OrderBy(t => t.SortOrder).Select(t => new TankResponse(t.Id, t.Key, t.Name, t.RatioPercent,
                budget.Categories.Where(c => c.TankId == t.Id).OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
                    .Select(c => new CategoryResponse(c.Id, c.Name, t.Key, c.SortOrder)).ToList())).ToList(),
            new AllocationResponse(total, status, Math.Max(0, 100 - total)));
    }
}
