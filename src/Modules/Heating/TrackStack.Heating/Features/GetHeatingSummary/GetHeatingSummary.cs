using static TrackStack.Heating.ResponseFormat;

namespace TrackStack.Heating.Features.GetHeatingSummary;

/// <summary>The home-screen card: this season so far against last season over the same days, days since the last
/// refill, stock and when it runs out (null when unknown).</summary>
public sealed record HeatingSummaryResponse(
    string Fuel, string Unit, string UnitLabel, DateOnly Today, string SeasonLabel,
    SeasonAmountResponse SeasonToDate, SeasonAmountResponse LastSeasonSameDate, double DeltaUnits, double? DeltaPct,
    DateOnly? LastRefillDate, int? DaysSinceLastRefill,
    double? StockOnHand, int? DaysOfStockLeft, DateOnly? RunOutDate,
    double? KwhPerDegreeDay, double? RSquared);

public sealed record SeasonAmountResponse(DateOnly From, DateOnly To, double Units, double Kwh);

internal static class GetHeatingSummary
{
    public static void MapGetHeatingSummary(this RouteGroupBuilder heating) =>
        heating.MapGet("/summary", HandleAsync).WithSummary("At a glance: season to date vs last season, days since refill, stock left");

    /// <summary>Cached per household and day until the next write or event that touches its heating data.</summary>
    internal static async Task<Ok<HeatingSummaryResponse>> HandleAsync(Guid householdId, HttpContext http, HeatingDb db, TimeProvider clock, ReadModelCache cache, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        return TypedResults.Ok(await cache.GetOrBuildAsync(HeatingModule.Name, householdId, $"summary:{access.Today(clock):yyyy-MM-dd}",
            c => BuildAsync(db, access, clock, c), ct));
    }

    internal static async Task<HeatingSummaryResponse> BuildAsync(HeatingDb db, HouseholdAccess access, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await AnalysisLoader.RunAsync(db, access, clock, null, null, ct);
        var (settings, a) = (loaded.Settings, loaded.Result);
        var s = a.Season;
        var kwh = settings.KwhPerUnit;
        return new HeatingSummaryResponse(
            settings.Fuel.Wire(), settings.Unit.Wire(), FuelCatalog.Label(settings.Unit, settings.UnitSizeKg), loaded.Today,
            SeasonStart.Label(s.ThisStart),
            new SeasonAmountResponse(s.ThisStart, s.ThisEnd, R(s.ThisUnits), R(s.ThisUnits * kwh, 1)),
            new SeasonAmountResponse(s.LastStart, s.LastEnd, R(s.LastUnits), R(s.LastUnits * kwh, 1)),
            R(s.DeltaUnits), R(s.DeltaPct, 1),
            a.LastEntryDate, a.DaysSinceLastEntry,
            a.Stock is { } st ? R(st.OnHandUnits) : null, a.Stock?.DaysLeft, a.Stock?.RunOutDate,
            R(a.Model?.KwhPerDegreeDay), R(a.Model?.RSquared, 4));
    }
}
