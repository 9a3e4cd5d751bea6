using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Expenses.Contracts;

namespace TrackStack.Metrics.Features.KeepBuiltInSeries;

/// <summary>expenses.spent and expenses.refunds from the Expenses entry events: one value per share of an entry at
/// local noon of its date, in the household currency's major unit (12.50), tagged tank and category. A share
/// with a positive amount is spending; a negative one (a refund, money in) counts in expenses.refunds as a
/// positive value, so the month sheet's spent is expenses.spent − expenses.refunds. expenses.income is each opened
/// month's income (MonthIncomeSet) at local noon of its first day, so "income this month" is what the sheet budgets.</summary>
internal sealed class ExpenseSeries(BuiltInSeries series)
    : IIntegrationEventHandler<EntryRecorded>, IIntegrationEventHandler<EntryChanged>, IIntegrationEventHandler<EntryDeleted>,
      IIntegrationEventHandler<MonthIncomeSet>
{
    public const string Recorded = "metrics-builtin-expense-recorded";
    public const string Changed = "metrics-builtin-expense-changed";
    public const string Deleted = "metrics-builtin-expense-deleted";
    public const string Income = "metrics-builtin-month-income";

    public async Task HandleAsync(EntryRecorded e, CancellationToken ct) =>
        await ApplyAsync(e.HouseholdId, e.EntryId, e.Date, e.Shares, e.Version, ct);

    public async Task HandleAsync(EntryChanged e, CancellationToken ct) =>
        await ApplyAsync(e.HouseholdId, e.EntryId, e.Date, e.Shares, e.Version, ct);

    public async Task HandleAsync(EntryDeleted e, CancellationToken ct) =>
        await series.ApplyAsync(e.HouseholdId, Key(e.EntryId), e.Version, null, ct);

    public async Task HandleAsync(MonthIncomeSet e, CancellationToken ct)
    {
        var first = DateOnly.ParseExact(e.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = BuiltInTime.NoonUtc(first, await series.ZoneAsync(e.HouseholdId, ct));
        await series.ApplyAsync(e.HouseholdId, $"expenses.month:{e.Month}", e.Version,
            [new BuiltInFigure("expenses.income", BuiltInFigure.NoTags(), null, time, e.IncomeCents / 100.0)], ct);
    }

    private static string Key(Guid entryId) => $"expenses.entry:{entryId:N}";

    private async Task ApplyAsync(Guid householdId, Guid entryId, DateOnly date, IReadOnlyList<EntryShare> shares, long version, CancellationToken ct)
    {
        var time = BuiltInTime.NoonUtc(date, await series.ZoneAsync(householdId, ct));
        var figures = shares.Where(s => s.AmountCents != 0).Select(s =>
        {
            var tags = BuiltInFigure.TagsOf(("category", s.Category), ("tank", s.Tank));
            return s.AmountCents > 0
                ? new BuiltInFigure("expenses.spent", tags, null, time, s.AmountCents / 100.0)
                : new BuiltInFigure("expenses.refunds", tags, null, time, -s.AmountCents / 100.0);
        }).ToList();
        await series.ApplyAsync(householdId, Key(entryId), version, figures, ct);
    }
}
