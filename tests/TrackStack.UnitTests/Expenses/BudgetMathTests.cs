using TrackStack.Expenses.Domain;

namespace TrackStack.UnitTests.Expenses;

public sealed class BudgetMathTests
{
    private static readonly Guid Fund = Guid.NewGuid(), Fun = Guid.NewGuid(), Future = Guid.NewGuid();
    private static readonly Guid Rent = Guid.NewGuid(), Cinema = Guid.NewGuid(), Savings = Guid.NewGuid();

    private static readonly Tank[] Tanks =
    [
        new() { Id = Fund, Key = "fund", Name = "Fund", RatioPercent = 60, SortOrder = 0 },
        new() { Id = Fun, Key = "fun", Name = "Fun", RatioPercent = 20, SortOrder = 1 },
        new() { Id = Future, Key = "future", Name = "Future", RatioPercent = 20, SortOrder = 2 },
    ];

    private static readonly Dictionary<Guid, Guid> CategoryTank = new() { [Rent] = Fund, [Cinema] = Fun, [Savings] = Future };

    [Fact]
    public void Each_tank_gets_its_share_of_income_and_reports_what_remains()
    {
        var f = MonthSummaryCalculator.Compute(221500, Tanks, CategoryTank,
            new Dictionary<Guid, long> { [Rent] = 100000, [Cinema] = 50000 }, uncategorisedCents: 2500, previousMonthsSpent: []);
        Assert.Equal(152500, f.SpentCents);
        Assert.Equal(69000, f.RemainingCents);
        var fund = f.Tanks.Single(t => t.Key == "fund");
        Assert.Equal(132900, fund.BudgetCents); // 60 % of 2215.00
        Assert.Equal(32900, fund.RemainingCents);
        Assert.False(fund.Over);
        var fun = f.Tanks.Single(t => t.Key == "fun");
        Assert.Equal(44300, fun.BudgetCents);
        Assert.True(fun.Over);
        Assert.Equal(112.9m, fun.PercentUsed);
        Assert.Equal(2500, f.UncategorisedCents);
        Assert.Null(f.Comparison.AverageSpentCents);
    }

    [Fact]
    public void An_unknown_category_counts_as_uncategorised_but_still_as_spent()
    {
        var f = MonthSummaryCalculator.Compute(100000, Tanks, CategoryTank, new Dictionary<Guid, long> { [Guid.NewGuid()] = 1000 }, 0, []);
        Assert.Equal(1000, f.SpentCents);
        Assert.Equal(1000, f.UncategorisedCents);
        Assert.All(f.Tanks, t => Assert.Equal(0, t.SpentCents));
    }

    [Fact]
    public void Comparison_uses_the_average_of_the_months_that_have_data()
    {
        var c = MonthSummaryCalculator.Compare(120000, [100000, 80000]);
        Assert.Equal(90000, c.AverageSpentCents);
        Assert.Equal(2, c.MonthsCounted);
        Assert.Equal(30000, c.DeltaCents);
        Assert.Equal(33.3m, c.DeltaPercent);
    }

    [Theory]
    [InlineData(100, "Complete")]
    [InlineData(90, "Unassigned")]
    [InlineData(100.5, "Over")]
    public void Allocation_status_follows_the_ratio_sum(decimal total, string expected) =>
        Assert.Equal(expected, Allocation.StatusOf(total).ToString());

    [Fact]
    public void Default_budget_is_the_60_20_20_split_with_a_heating_category()
    {
        Assert.Equal(100m, DefaultBudget.Tanks.Sum(t => t.Ratio));
        Assert.Equal(["fund", "fun", "future"], DefaultBudget.Tanks.Select(t => t.Key));
        Assert.Contains(DefaultBudget.HeatingCategory, DefaultBudget.Tanks[0].Categories);
    }

    [Theory]
    [InlineData(12.345, 1235)]
    [InlineData(-0.005, -1)]
    [InlineData(1000000, 100000000)]
    public void Amounts_round_half_away_from_zero_to_cents(decimal amount, long cents) => Assert.Equal(cents, Money.ToCents(amount));

    [Theory]
    [InlineData("2026-11", true, 2026, 11)]
    [InlineData("2026-1", false, 0, 0)]
    [InlineData("2026-13", false, 0, 0)]
    [InlineData("nope", false, 0, 0)]
    public void Months_parse_as_yyyy_MM(string text, bool ok, int year, int month)
    {
        Assert.Equal(ok, YearMonth.TryParse(text, out var m));
        if (ok) Assert.Equal(new YearMonth(year, month), m);
    }

    [Fact]
    public void Months_step_across_years() =>
        Assert.Equal("2025-10", new YearMonth(2026, 1).Previous(3).ToString());

    [Theory]
    [InlineData("2026-11-01", "2026-11", 1)]
    [InlineData("2026-11-30", "2026-11", 30)]
    [InlineData("2026-12-01", "2026-11", null)]
    [InlineData("2026-10-31", "2026-11", null)]
    public void Only_the_month_in_progress_is_compared_by_days(string today, string month, int? day)
    {
        Assert.True(YearMonth.TryParse(month, out var m));
        Assert.Equal(day, ComparisonWindow.For(m, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ThroughDay);
    }

    [Fact]
    public void A_short_month_is_counted_whole_when_the_window_is_longer()
    {
        var window = new ComparisonWindow(31);
        Assert.Equal(new DateOnly(2026, 3, 1), window.EndOf(new YearMonth(2026, 2)));
        Assert.Equal(new DateOnly(2026, 1, 6), new ComparisonWindow(5).EndOf(new YearMonth(2026, 1)));
        Assert.Equal(new DateOnly(2026, 2, 1), new ComparisonWindow(null).EndOf(new YearMonth(2026, 1)));
    }

    [Fact]
    public void Comparison_by_days_carries_the_day_and_the_part_compared()
    {
        var c = MonthSummaryCalculator.Compare(500, [1000, 3000, 2000], throughDay: 1);
        Assert.Equal((2000L, -1500L, -75m, 500L, (int?)1), (c.AverageSpentCents!.Value, c.DeltaCents!.Value, c.DeltaPercent!.Value, c.SpentCents, c.ThroughDay));
    }
}
