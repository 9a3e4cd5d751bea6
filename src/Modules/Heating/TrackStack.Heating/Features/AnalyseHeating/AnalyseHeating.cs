using static TrackStack.Heating.ResponseFormat;

namespace TrackStack.Heating.Features.AnalyseHeating;

internal static class AnalyseHeating
{
    public static void MapAnalyseHeating(this RouteGroupBuilder heating) =>
        heating.MapGet("/analysis", HandleAsync)
            .WithSummary("Degree-day regression, base-temperature fit, normal year, season comparison, monthly use and stock forecast");

    internal static async Task<Results<Ok<AnalysisResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, DateOnly? from, DateOnly? to, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        InputChecks.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var loaded = await AnalysisLoader.RunAsync(db, http.GetHouseholdAccess(), clock, from, to, ct);
        return TypedResults.Ok(ToResponse(loaded));
    }

    private static AnalysisResponse ToResponse(AnalysisLoader.Loaded loaded)
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
                b.ThisFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                b.LastFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                b.ThisFrom, b.ThisTo, R(b.ThisUnits), R(b.LastUnits), R(b.ThisHdd, 1), R(b.LastHdd, 1),
                R(b.ThisMeanC, 1), b.ThisUnits is { } u && loaded.PricePerUnitCents is { } p ? (long)Math.Round(u * p, MidpointRounding.AwayFromZero) : null)).ToList(),
            a.LastEntryDate, a.DaysSinceLastEntry,
            loaded.ToStockResponse(),
            a.IgnoredEntries,
            loaded.PricePerUnitCents is { } price ? (long)Math.Round(price, MidpointRounding.AwayFromZero) : null);
    }
}
