using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Heating.Domain;
using TrackStack.Heating.Infrastructure;
using static TrackStack.Heating.Features.HeatingContext;

namespace TrackStack.Heating.Features.Analysis;

public sealed record AnalysisResponse(
    DateOnly From, DateOnly To, DateOnly Today,
    string Fuel, string Unit, string UnitLabel, double KwhPerUnit, bool MeterBased,
    string BaseMode, double BaseTemperatureC,
    TemperatureCoverageResponse Temperatures,
    RegressionModelResponse? Model, string? ModelNote,
    IReadOnlyList<BaseFitPointResponse> BaseFit,
    NormalYearResponse? NormalYear,
    IReadOnlyList<IntervalResponse> Intervals,
    SeasonComparisonResponse Season,
    IReadOnlyList<MonthlyUsageResponse> Monthly,
    DateOnly? LastRefillDate, int? DaysSinceLastRefill,
    StockResponse Stock,
    int IgnoredEntries);

/// <summary>Days in [from, to] with and without a daily mean temperature; missing days are never taken as 0 °C.</summary>
public sealed record TemperatureCoverageResponse(int Days, int MissingDays, IReadOnlyList<DateRangeResponse> MissingRanges);

public sealed record DateRangeResponse(DateOnly From, DateOnly To);

/// <summary>E = baseload·days + slope·HDD. Kind: baseloadAndHdd, hddOnly or baseloadOnly (a coefficient was forced
/// to 0 because the free fit made it negative). RSquared is the centered R²; CvRmsePct = 100·RMSE/mean(E) with n−p.</summary>
public sealed record RegressionModelResponse(
    string Kind, int Periods, int Parameters,
    double BaseloadKwhPerDay, double BaseloadUnitsPerDay, double KwhPerDegreeDay, double UnitsPerDegreeDay,
    double? RSquared, double? CvRmsePct, double? RmseKwh, double BaseTemperatureC);

public sealed record BaseFitPointResponse(double BaseTemperatureC, double? RSquared);

/// <summary>Weather-normalised year: baseload·365 + slope·DegreeDays. Basis: fullYears (mean of complete calendar years)
/// or last365Days (scaled to 365 days when some are missing).</summary>
public sealed record NormalYearResponse(double DegreeDays, string Basis, int Years, int CoverageDays, double? EnergyKwh, double? Units);

/// <summary>Start = a refill (or reading) date; End = the next one (exclusive). Flagged: more than 2·RMSE and 10 % above the model.</summary>
public sealed record IntervalResponse(
    DateOnly Start, DateOnly End, int Days, double Units, double EnergyKwh, double? DegreeDays, int MissingTemperatureDays,
    bool Included, string? ExcludedReason, double? ExpectedKwh, double? ResidualKwh, double? ResidualPct, bool Flagged);

public sealed record SeasonComparisonResponse(
    string Label, DateOnly Start, DateOnly To, DateOnly LastStart, DateOnly LastTo, int ElapsedDays,
    double Units, double Kwh, double LastUnits, double LastKwh, double DeltaUnits, double? DeltaPct, bool LastSeasonHasData);

/// <summary>One calendar month of the current season (Units and DegreeDays up to today; null before the month
/// starts) next to the same month a year earlier. DegreeDays are null when a day has no temperature.</summary>
public sealed record MonthlyUsageResponse(
    string Month, string LastSeasonMonth, DateOnly From, DateOnly To, double? Units, double LastSeasonUnits,
    double? DegreeDays, double? LastSeasonDegreeDays);

/// <summary>Stock in the settings unit: purchased − put in. RunOutDate/DaysLeft include what is estimated to be left
/// of the last refill; null when unknown (no purchases, no history, or beyond three years).</summary>
public sealed record StockResponse(
    bool Tracked, string Unit, string UnitLabel, double PurchasedUnits, double ConsumedUnits, double OnHandUnits, double OnHandKwh,
    double? LastRefillRemainingUnits, DateOnly? RunOutDate, int? DaysLeft, string? ForecastMethod, string? Note, int UnconvertiblePurchases);

internal static class AnalysisEndpoints
{
    public static void MapAnalysis(this RouteGroupBuilder heating)
    {
        heating.MapGet("/analysis", GetAnalysisAsync)
            .WithSummary("Degree-day regression, base-temperature fit, normal year, season comparison, monthly use and stock forecast");
        heating.MapGet("/stock", GetStockAsync).WithSummary("Fuel on hand (purchased − put in) and when it runs out at normal temperatures");
    }

    internal static async Task<Results<Ok<AnalysisResponse>, ValidationProblem>> GetAnalysisAsync(
        Guid householdId, DateOnly? from, DateOnly? to, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var loaded = await AnalysisLoader.RunAsync(db, households, householdId, clock, from, to, ct);
        return TypedResults.Ok(ToResponse(loaded));
    }

    internal static async Task<Ok<StockResponse>> GetStockAsync(
        Guid householdId, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await AnalysisLoader.RunAsync(db, households, householdId, clock, null, null, ct);
        return TypedResults.Ok(ToStockResponse(loaded));
    }

    internal static AnalysisResponse ToResponse(AnalysisLoader.Loaded loaded)
    {
        var (settings, a, today) = (loaded.Settings, loaded.Result, loaded.Today);
        var kwh = settings.KwhPerUnit;
        var model = a.Model is { } m
            ? new RegressionModelResponse(
                Camel(m.Kind.ToString()), m.N, m.Parameters,
                R(m.BaseloadKwhPerDay), R(m.BaseloadKwhPerDay / kwh, 4), R(m.KwhPerDegreeDay), R(m.KwhPerDegreeDay / kwh, 5),
                R(m.RSquared, 4), R(m.CvRmse * 100, 2), R(m.Rmse, 2), a.BaseTemperatureC)
            : null;
        var normal = a.NormalYear is { } n
            ? new NormalYearResponse(R(n.Hdd, 1), Camel(n.Basis.ToString()), n.Years, n.CoverageDays, R(a.NormalisedYearKwh, 1), R(a.NormalisedYearKwh / kwh, 2))
            : null;
        var s = a.Season;
        return new AnalysisResponse(
            a.From, a.To, today,
            settings.Fuel.Wire(), settings.Unit.Wire(), FuelCatalog.Label(settings.Unit, settings.UnitSizeKg), kwh, settings.MeterBased,
            settings.BaseMode == BaseMode.Fit ? "fit" : "fixed", a.BaseTemperatureC,
            new TemperatureCoverageResponse(a.TemperatureDays, a.MissingTemperatureDays,
                a.MissingTemperatureRanges.Select(r => new DateRangeResponse(r.From, r.To)).ToList()),
            model, a.ModelNote,
            a.BaseScan.Select(p => new BaseFitPointResponse(p.BaseTemperatureC, R(p.RSquared, 4))).ToList(),
            normal,
            a.Intervals.Select(i => new IntervalResponse(
                i.Interval.Start, i.Interval.End, i.Interval.Days, R(i.Interval.Units), R(i.Interval.EnergyKwh, 2), R(i.Hdd, 2),
                i.MissingTemperatureDays, i.Included, i.ExcludedReason, R(i.ExpectedKwh, 2), R(i.ResidualKwh, 2),
                i.ResidualKwh is { } res && i.ExpectedKwh is > 0 ? R(res / i.ExpectedKwh.Value * 100, 1) : null, i.Flagged)).ToList(),
            new SeasonComparisonResponse(SeasonStart.Label(s.ThisStart), s.ThisStart, s.ThisEnd, s.LastStart, s.LastEnd, s.ElapsedDays,
                R(s.ThisUnits), R(s.ThisUnits * kwh, 1), R(s.LastUnits), R(s.LastUnits * kwh, 1), R(s.DeltaUnits), R(s.DeltaPct, 1), s.LastSeasonHasData),
            a.Monthly.Select(b => new MonthlyUsageResponse(
                b.ThisFrom.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                b.LastFrom.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                b.ThisFrom, b.ThisTo, R(b.ThisUnits), R(b.LastUnits), R(b.ThisHdd, 1), R(b.LastHdd, 1))).ToList(),
            a.LastEntryDate, a.DaysSinceLastEntry,
            ToStockResponse(loaded),
            a.IgnoredEntries);
    }

    internal static StockResponse ToStockResponse(AnalysisLoader.Loaded loaded)
    {
        var settings = loaded.Settings;
        var label = FuelCatalog.Label(settings.Unit, settings.UnitSizeKg);
        if (loaded.Result.Stock is not { } st)
        {
            return new StockResponse(false, settings.Unit.Wire(), label, 0, 0, 0, 0, null, null, null, null,
                "Metered fuels have no stock: the meter readings are the consumption.", loaded.UnconvertiblePurchases);
        }
        return new StockResponse(true, settings.Unit.Wire(), label, R(st.PurchasedUnits), R(st.ConsumedUnits), R(st.OnHandUnits),
            R(st.OnHandUnits * settings.KwhPerUnit, 1), R(st.LastRefillRemainingUnits, 2), st.RunOutDate, st.DaysLeft,
            st.Method is { } method ? Camel(method.ToString()) : null, st.Note, loaded.UnconvertiblePurchases);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
