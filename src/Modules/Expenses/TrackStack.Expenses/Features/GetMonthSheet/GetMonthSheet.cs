namespace TrackStack.Expenses.Features.GetMonthSheet;

public sealed record TankSummaryResponse(string Key, string Name, decimal RatioPercent, long BudgetCents, long SpentCents, long RemainingCents, decimal? PercentUsed, bool Over);

public sealed record CategorySpendResponse(Guid Id, string Name, string TankKey, long SpentCents);

public sealed record PendingObligationsResponse(int Count, long AmountCents, IReadOnlyList<ObligationResponse> Items);

/// <summary>ThroughDay: set while the month is in progress; then SpentCents is this month up to and including that day
/// and PreviousAverageSpentCents the previous months' average over their first ThroughDay days. Null: whole months.</summary>
public sealed record ComparisonResponse(long? PreviousAverageSpentCents, int MonthsCounted, long? DeltaCents, decimal? DeltaPercent, int? ThroughDay, long SpentCents);

public sealed record MonthSummaryResponse(
    string Month, string Status, string Currency, long IncomeCents, long SpentCents, long RemainingCents, decimal? PercentSpent,
    long UncategorisedCents, IReadOnlyList<TankSummaryResponse> Tanks, IReadOnlyList<CategorySpendResponse> Categories,
    PendingObligationsResponse PendingObligations, ComparisonResponse Comparison);

internal static class GetMonthSheet
{
    public static void MapGetMonthSheet(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/months/{month}", HandleAsync)
            .WithSummary("The month sheet: income, spent, remaining, each tank's budget and use, pending obligations, and the average of the previous three months (by the same day while the month is in progress)")
            .WithDescription("A month that was never opened is shown as it would open (status notOpened): reading never changes it.");

    /// <summary>Cached per household until the next write or event that touches Expenses data of the household.</summary>
    internal static async Task<Results<Ok<MonthSummaryResponse>, ValidationProblem>> HandleAsync(
        string month, ExpensesDb db, BudgetSetup budget, HttpContext http, ReadModelCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM, e.g. 2026-11.").ToResult();
        var access = http.GetHouseholdAccess();
        var currency = access.Context.Currency;
        var window = ComparisonWindow.For(m, access.Context.Today(clock));
        // The window is in the key: a month in progress reads differently tomorrow.
        return TypedResults.Ok(await cache.GetOrBuildAsync(ExpensesModule.Name, access.HouseholdId, $"month-sheet:{m}:{currency}:{window.ThroughDay}",
            async c => await BuildAsync(db, await budget.ReadAsync(c), m, currency, window, c), ct));
    }

    internal static async Task<MonthSummaryResponse> BuildAsync(ExpensesDb db, BudgetView budget, YearMonth m, string currency, ComparisonWindow window, CancellationToken ct)
    {
        var earlier = m.Previous(3);
        var sheets = await db.Months.AsNoTracking()
            .Where(s => s.Month >= earlier.Key && s.Month <= m.Key)
            .ToListAsync(ct);
        var sheet = sheets.FirstOrDefault(s => s.Month == m.Key);
        var tanks = budget.Tanks;
        var categories = budget.Categories;

        // One grouped scan of this month and the three before, answered from the covering index
        // (household, date, category, amount); SQLite and PostgreSQL sum integer cents exactly.
        var sums = (await MonthSums.ByCategoryAsync(db, earlier.First, m.NextFirst, ct))
            .Select(s => new { s.Year, s.Month, s.CategoryId, s.Cents }).ToList();
        var current = sums.Where(s => s.Year == m.Year && s.Month == m.Month).ToList();
        var byCategory = current.Where(s => s.CategoryId is not null).ToDictionary(s => s.CategoryId!.Value, s => s.Cents);
        var uncategorised = current.Where(s => s.CategoryId is null).Sum(s => s.Cents);

        var previous = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            var pm = m.Previous(i);
            var rows = sums.Where(s => s.Year == pm.Year && s.Month == pm.Month).ToList();
            // A month counts when it has entries or was opened: months before the household started do not.
            if (rows.Count > 0 || sheets.Any(s => s.Month == pm.Key)) previous.Add(rows.Sum(r => r.Cents));
        }

        (long, int)? soFar = null;
        if (window.ThroughDay is { } day)
        {
            // The same days of each month: one more small scan, only while the month is in progress.
            var thisEnd = window.EndOf(m);
            var so = await db.Entries.AsNoTracking().Where(e => e.Date >= m.First && e.Date < thisEnd).SumAsync(e => e.AmountCents, ct);
            var counted = Enumerable.Range(1, 3).Select(i => m.Previous(i))
                .Where(pm => sums.Any(s => s.Year == pm.Year && s.Month == pm.Month) || sheets.Any(s => s.Month == pm.Key)).ToList();
            previous.Clear();
            foreach (var pm in counted)
            {
                var end = window.EndOf(pm);
                previous.Add(await db.Entries.AsNoTracking().Where(e => e.Date >= pm.First && e.Date < end).SumAsync(e => e.AmountCents, ct));
            }
            soFar = (so, day);
        }

        var income = sheet?.IncomeCents ?? budget.Settings.MonthlyIncomeCents;
        var figures = MonthSummaryCalculator.Compute(income, tanks, categories.ToDictionary(c => c.Id, c => c.TankId), byCategory, uncategorised, previous, soFar);
        var tankKeys = tanks.ToDictionary(t => t.Id, t => t.Key);

        var pending = sheet is null
            ? (await db.ChecklistTemplates.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ToListAsync(ct))
                .Select(t => MonthSheets.Preview(t, m)).ToList()
            : await db.Obligations.AsNoTracking().Where(o => o.Month == m.Key && o.Status == ObligationStatus.Pending)
                .OrderBy(o => o.DueDay ?? 99).ThenBy(o => o.Title).ToListAsync(ct);

        return new MonthSummaryResponse(
            m.ToString(),
            sheet is null ? "notOpened" : sheet.Status.ToString().ToLowerInvariant(),
            currency,
            figures.IncomeCents, figures.SpentCents, figures.RemainingCents, Money.Percent(figures.SpentCents, figures.IncomeCents), figures.UncategorisedCents,
            figures.Tanks.Select(t => new TankSummaryResponse(t.Key, t.Name, t.RatioPercent, t.BudgetCents, t.SpentCents, t.RemainingCents, t.PercentUsed, t.Over)).ToList(),
            categories.Where(c => byCategory.ContainsKey(c.Id)).OrderByDescending(c => byCategory[c.Id])
                .Select(c => new CategorySpendResponse(c.Id, c.Name, tankKeys.GetValueOrDefault(c.TankId, ""), byCategory[c.Id])).ToList(),
            new PendingObligationsResponse(pending.Count, pending.Sum(o => o.AmountCents), pending.Select(o => o.ToResponse()).ToList()),
            new ComparisonResponse(figures.Comparison.AverageSpentCents, figures.Comparison.MonthsCounted, figures.Comparison.DeltaCents, figures.Comparison.DeltaPercent,
                figures.Comparison.ThroughDay, figures.Comparison.SpentCents));
    }
}
