using TrackStack.BuildingBlocks.Households;

namespace TrackStack.Heating.Contracts;

/// <summary>The heating summary's figures as of one local day, for a module in the same process (the Reports module's
/// weekly digest): the same numbers as GET .../heating/summary on that day, and the season's months next to last
/// season's. The caller has entered the household's scope.</summary>
public interface IHeatingDigestReader
{
    Task<HeatingFigures> ReadAsync(Guid householdId, HouseholdContext context, DateTimeOffset asOf, CancellationToken ct);
}

/// <summary>Units are the household's fuel unit (<paramref name="UnitLabel"/>); DeltaPct is this season against last
/// season by the same date; the stock fields are null for metered fuels or without a forecast.</summary>
public sealed record HeatingFigures(
    string UnitLabel, DateOnly Today, string SeasonLabel, double SeasonUnits, double SeasonKwh, double LastSeasonUnits, double LastSeasonKwh,
    double DeltaUnits, double? DeltaPct, DateOnly? LastRefillDate, double? StockOnHand, int? DaysOfStockLeft, DateOnly? RunOutDate,
    IReadOnlyList<HeatingMonthFigure> Months);

/// <summary>One month of the season (Units null before it starts) and the same month a season earlier.</summary>
public sealed record HeatingMonthFigure(DateOnly From, double? Units, double LastSeasonUnits);
