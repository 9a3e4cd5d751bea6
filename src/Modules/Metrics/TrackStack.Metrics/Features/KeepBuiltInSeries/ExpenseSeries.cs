using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Expenses.Contracts;

namespace TrackStack.Metrics.Features.KeepBuiltInSeries;

/// <summary>expenses.spent and expenses.income from the Expenses entry events: one value per share of an entry at
/// local noon of its date, in the household currency's major unit (12.50), tagged tank and category. A share
/// with a positive amount is spending; a negative one (a refund, money in) counts in expenses.income as a
/// positive value, so the month sheet's spent is expenses.spent − expenses.income.</summary>
internal sealed class ExpenseSeries(BuiltInSeries series)
    : IIntegrationEventHandler<EntryRecorded>, IIntegrationEventHandler<EntryChanged>, IIntegrationEventHandler<EntryDeleted>
{
    public const string Recorded = "metrics-builtin-expense-recorded";
    public const string Changed = "metrics-builtin-expense-changed";
    public const string Deleted = "metrics-builtin-expense-deleted";

    public async Task HandleAsync(EntryRecorded e, CancellationToken ct) =>
        await ApplyAsync(e.HouseholdId, e.EntryId, e.Date, e.Shares, e.Version, ct);

    public async Task HandleAsync(EntryChanged e, CancellationToken ct) =>
        await ApplyAsync(e.HouseholdId, e.EntryId, e.Date, e.Shares, e.Version, ct);

    public async Task HandleAsync(EntryDeleted e, CancellationToken ct) =>
        await series.ApplyAsync(e.HouseholdId, Key(e.EntryId), e.Version, null, ct);

    private static string Key(Guid entryId) => $"expenses.entry:{entryId:N}";

    private async Task ApplyAsync(Guid householdId, Guid entryId, DateOnly date, IReadOnlyList<EntryShare> shares, long version, CancellationToken ct)
    {
        var time = BuiltInTime.NoonUtc(date, await series.ZoneAsync(householdId, ct));
        var figures = shares.Where(s => s.AmountCents != 0).Select(s =>
        {
            var tags = BuiltInFigure.TagsOf(("category", s.Category), ("tank", s.Tank));
            return s.AmountCents > 0
                ? new BuiltInFigure("expenses.spent", tags, null, time, s.AmountCents / 100.0)
                : new BuiltInFigure("expenses.income", tags, null, time, -s.AmountCents / 100.0);
        }).ToList();
        await series.ApplyAsync(householdId, Key(entryId), version, figures, ct);
    }
}
