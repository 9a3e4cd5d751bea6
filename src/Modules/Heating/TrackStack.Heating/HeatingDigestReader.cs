using TrackStack.Heating.Contracts;
using TrackStack.Heating.Features.GetHeatingSummary;

namespace TrackStack.Heating;

/// <summary>The in-process <see cref="IHeatingDigestReader"/>: the summary endpoint's own builder on the given day
/// (no cache), and the analysis' months for the chart, in the caller's household scope.</summary>
internal sealed class HeatingDigestReader(HeatingDb db) : IHeatingDigestReader
{
    public async Task<HeatingFigures> ReadAsync(Guid householdId, HouseholdContext context, DateTimeOffset asOf, CancellationToken ct)
    {
        var clock = new FixedClock(asOf);
        var access = new HouseholdAccess(householdId, Guid.Empty, HouseholdRole.Viewer, context);
        var s = await GetHeatingSummary.BuildAsync(db, access, clock, ct);
        var months = (await AnalysisLoader.RunAsync(db, access, clock, null, null, ct)).Result.Monthly
            .Select(b => new HeatingMonthFigure(b.ThisFrom, ResponseFormat.R(b.ThisUnits), ResponseFormat.R(b.LastUnits))).ToList();
        return new HeatingFigures(s.UnitLabel, s.Today, s.SeasonLabel, s.SeasonToDate.Units, s.SeasonToDate.Kwh, s.LastSeasonSameDate.Units, s.LastSeasonSameDate.Kwh,
            s.DeltaUnits, s.DeltaPct, s.LastRefillDate, s.StockOnHand, s.DaysOfStockLeft, s.RunOutDate, months);
    }

    /// <summary>"Now" is the digest's send time, not the server's.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
