namespace TrackStack.Heating.Domain;

/// <summary>Everything the analysis needs, already loaded and converted to the fuel profile's unit.</summary>
internal sealed record AnalysisInput(
    FuelProfile Fuel,
    double BaseTemperatureC,
    BaseMode BaseMode,
    SeasonStart SeasonStart,
    IReadOnlyList<ConsumptionEntry> Entries,
    IReadOnlyList<(DateOnly Date, double Units)> Purchases,
    TemperatureSeries Temperatures,
    DateOnly Today,
    DateOnly? From = null,
    DateOnly? To = null);

internal sealed record IntervalAnalysis(
    ConsumptionInterval Interval, double? Hdd, int MissingTemperatureDays, bool Included, string? ExcludedReason,
    double? ExpectedKwh, double? ResidualKwh, bool Flagged);

internal sealed record BaseScanPoint(double BaseTemperatureC, double? RSquared);

internal sealed record SeasonComparison(
    DateOnly ThisStart, DateOnly ThisEnd, DateOnly LastStart, DateOnly LastEnd, int ElapsedDays,
    double ThisUnits, double LastUnits, bool LastSeasonHasData)
{
    public double DeltaUnits => ThisUnits - LastUnits;

    public double? DeltaPct => LastSeasonHasData && LastUnits > 0 ? (ThisUnits - LastUnits) / LastUnits * 100 : null;
}

/// <summary>One calendar month of this season (up to today) next to the same month of last season.</summary>
internal sealed record MonthBucket(
    DateOnly ThisFrom, DateOnly ThisTo, DateOnly LastFrom, DateOnly LastTo,
    double? ThisUnits, double LastUnits, double? ThisHdd, double? LastHdd, double? ThisMeanC = null);

internal enum ForecastMethod
{
    /// <summary>Baseload + slope × normal HDD of each coming day.</summary>
    DegreeDays,
    /// <summary>No model yet: the average daily use of the last year's intervals.</summary>
    Average,
}

internal sealed record StockStatus(
    double PurchasedUnits, double ConsumedUnits, double OnHandUnits, double? LastRefillRemainingUnits,
    DateOnly? RunOutDate, int? DaysLeft, ForecastMethod? Method, string? Note);

internal sealed record AnalysisResult(
    DateOnly From,
    DateOnly To,
    double BaseTemperatureC,
    IReadOnlyList<IntervalAnalysis> Intervals,
    RegressionFit? Model,
    string? ModelNote,
    IReadOnlyList<BaseScanPoint> BaseScan,
    NormalYearHdd? NormalYear,
    int TemperatureDays,
    int MissingTemperatureDays,
    IReadOnlyList<DateRange> MissingTemperatureRanges,
    SeasonComparison Season,
    IReadOnlyList<MonthBucket> Monthly,
    DateOnly? LastEntryDate,
    int? DaysSinceLastEntry,
    StockStatus? Stock,
    int IgnoredEntries)
{
    public double? NormalisedYearKwh => Model is { } m && NormalYear is { } n ? (m.BaseloadKwhPerDay * 365) + (m.KwhPerDegreeDay * n.Hdd) : null;
}

/// <summary>The heating analysis: degree days, the energy-signature regression (with an optional best-fit base
/// temperature), weather normalisation, season comparison and the stock run-out forecast. Pure: no I/O, no clock.</summary>
internal static class HeatingAnalyzer
{
    public const double FitBaseMin = 10.0;
    public const double FitBaseMax = 20.0;
    public const double FitBaseStep = 0.5;
    /// <summary>A period is flagged when it used more than 2·RMSE above the model and at least 10 % more than expected.</summary>
    public const double FlagSigmas = 2.0;
    public const double FlagMinShare = 0.10;
    public const int ForecastHorizonDays = 1096;
    public const int MaxMissingRanges = 20;

    public static AnalysisResult Analyze(AnalysisInput input)
    {
        var fuel = input.Fuel;
        var today = input.Today;
        var temps = input.Temperatures;
        var history = ConsumptionIntervals.Build(input.Entries, fuel);

        var from = input.From ?? (history.Closed.Count > 0 ? history.Closed[0].Start : (DateOnly?)null) ?? history.LastEntryDate ?? today.AddDays(-364);
        var to = input.To ?? today;
        var inRange = history.Closed.Where(i => i.Start >= from && i.End.AddDays(-1) <= to).ToList();

        // Temperatures per interval do not depend on the base: read them once.
        var means = inRange.Select(i => i.Problem is null ? temps.MeansOrNull(i.Start, i.End) : null).ToList();
        var usable = Enumerable.Range(0, inRange.Count).Where(k => means[k] is not null).ToList();

        var baseC = input.BaseTemperatureC;
        var scan = new List<BaseScanPoint>();
        if (input.BaseMode == BaseMode.Fit)
        {
            RegressionFit? best = null;
            for (var b = FitBaseMin; b <= FitBaseMax + 1e-9; b += FitBaseStep)
            {
                var candidate = Math.Round(b, 1);
                var fit = DegreeDayRegression.Fit(Points(candidate));
                scan.Add(new BaseScanPoint(candidate, fit?.RSquared));
                if (fit?.RSquared is { } r2 && (best?.RSquared is not { } bestR2 || r2 > bestR2 + 1e-12))
                {
                    best = fit;
                    baseC = candidate;
                }
            }
        }

        var model = DegreeDayRegression.Fit(Points(baseC));
        var rmse = model?.Rmse;
        var intervals = new List<IntervalAnalysis>(inRange.Count);
        for (var k = 0; k < inRange.Count; k++)
        {
            var interval = inRange[k];
            var (hdd, missing) = temps.SumHdd(interval.Start, interval.End, baseC);
            string? reason = interval.Problem ?? (missing > 0 ? $"{missing} day(s) without a temperature." : null);
            var included = reason is null;
            double? expected = included && model is not null ? model.Predict(interval.Days, hdd) : null;
            double? residual = expected is { } e ? interval.EnergyKwh - e : null;
            var flagged = residual is { } r && rmse is { } s && r > FlagSigmas * s && r > FlagMinShare * expected!.Value;
            intervals.Add(new IntervalAnalysis(interval, missing == 0 ? hdd : null, missing, included, reason, expected, residual, flagged));
        }

        var modelNote = model is null
            ? $"The regression needs at least {DegreeDayRegression.MinimumPoints} closed periods between entries with a temperature for every day; {usable.Count} available."
            : null;

        var coverageTo = to > today ? today : to;
        var missingDays = coverageTo >= from ? temps.MissingDays(from, coverageTo) : 0;
        var totalDays = coverageTo >= from ? coverageTo.DayNumber - from.DayNumber + 1 : 0;
        var missingRanges = coverageTo >= from ? temps.MissingRanges(from, coverageTo, MaxMissingRanges) : [];

        return new AnalysisResult(
            from, to, baseC, intervals, model, modelNote, scan,
            NormalYear.Compute(temps, baseC, today),
            totalDays - missingDays, missingDays, missingRanges,
            CompareSeasons(history, input.SeasonStart, today),
            Monthly(history, temps, baseC, input.SeasonStart, today),
            history.LastEntryDate,
            history.LastEntryDate is { } last ? today.DayNumber - last.DayNumber : null,
            fuel.MeterBased ? null : Stock(input, history, model, baseC),
            history.IgnoredEntries);

        List<RegressionPoint> Points(double b) => usable
            .Select(k => new RegressionPoint(inRange[k].Days, means[k]!.Sum(m => DegreeDays.Hdd(b, m)), inRange[k].EnergyKwh))
            .ToList();
    }

    /// <summary>This season from its first day to today, against last season over the same number of days.</summary>
    public static SeasonComparison CompareSeasons(ConsumptionHistory history, SeasonStart seasonStart, DateOnly today)
    {
        var thisStart = seasonStart.SeasonContaining(today);
        var elapsed = today.DayNumber - thisStart.DayNumber;
        var lastStart = thisStart.AddYears(-1);
        var lastEnd = lastStart.AddDays(elapsed);
        var hasLast = history.MeterBased
            ? history.Closed.Any(i => i.Start <= lastStart)
            : history.Refills.Any(r => r.Date < thisStart);
        return new SeasonComparison(thisStart, today, lastStart, lastEnd, elapsed + 1,
            history.UnitsBetween(thisStart, today), history.UnitsBetween(lastStart, lastEnd), hasLast);
    }

    private static List<MonthBucket> Monthly(ConsumptionHistory history, TemperatureSeries temps, double baseC, SeasonStart seasonStart, DateOnly today)
    {
        var thisStart = seasonStart.SeasonContaining(today);
        var nextStart = thisStart.AddYears(1);
        var buckets = new List<MonthBucket>();
        for (var month = new DateOnly(thisStart.Year, thisStart.Month, 1); month < nextStart; month = month.AddMonths(1))
        {
            var thisFrom = month < thisStart ? thisStart : month;
            var thisTo = month.AddMonths(1) > nextStart ? nextStart.AddDays(-1) : month.AddMonths(1).AddDays(-1);
            var lastFrom = thisFrom.AddYears(-1);
            var lastTo = thisTo.AddYears(-1);
            var started = thisFrom <= today;
            var thisUntil = thisTo < today ? thisTo : today;
            buckets.Add(new MonthBucket(
                thisFrom, thisTo, lastFrom, lastTo,
                started ? history.UnitsBetween(thisFrom, thisUntil) : null,
                history.UnitsBetween(lastFrom, lastTo),
                started ? Hdd(thisFrom, thisUntil) : null,
                Hdd(lastFrom, lastTo),
                started ? temps.MeanOfKnown(thisFrom, thisUntil) : null));
        }
        return buckets;

        double? Hdd(DateOnly from, DateOnly toInclusive)
        {
            var (hdd, missing) = temps.SumHdd(from, toInclusive.AddDays(1), baseC);
            return missing == 0 ? hdd : null;
        }
    }

    private static StockStatus Stock(AnalysisInput input, ConsumptionHistory history, RegressionFit? model, double baseC)
    {
        var today = input.Today;
        var fuel = input.Fuel;
        var purchased = input.Purchases.Sum(p => p.Units);
        var consumed = history.TotalRefilledUnits;
        var onHand = purchased - consumed;
        if (input.Purchases.Count == 0)
        {
            return new StockStatus(purchased, consumed, onHand, null, null, null, null,
                "No purchases recorded: add your deliveries (or one purchase for the stock you have now) to track stock.");
        }

        // Daily use: the model at normal temperatures, or the recent average when there is no model yet.
        Func<DateOnly, double>? daily = null;
        Func<DateOnly, double>? pastDaily = null;
        ForecastMethod? method = null;
        if (model is not null)
        {
            var normals = HddNormals.Build(input.Temperatures, baseC, today);
            if (normals is not null || model.KwhPerDegreeDay == 0)
            {
                daily = d => model.BaseloadKwhPerDay + (model.KwhPerDegreeDay * (normals?.For(d) ?? 0));
                pastDaily = d => input.Temperatures.TryGet(d, out var t)
                    ? model.BaseloadKwhPerDay + (model.KwhPerDegreeDay * DegreeDays.Hdd(baseC, t))
                    : daily(d);
                method = ForecastMethod.DegreeDays;
            }
        }
        if (daily is null)
        {
            var valid = history.Closed.Where(i => i.Problem is null && i.Days > 0).ToList();
            var recent = valid.Where(i => i.Start >= today.AddDays(-365)).ToList();
            var basis = recent.Count > 0 ? recent : valid;
            if (basis.Count > 0)
            {
                var perDay = basis.Sum(i => i.EnergyKwh) / basis.Sum(i => i.Days);
                daily = _ => perDay;
                pastDaily = daily;
                method = ForecastMethod.Average;
            }
        }
        if (daily is null || pastDaily is null)
        {
            return new StockStatus(purchased, consumed, onHand, null, null, null, null,
                "Not enough history to forecast: record at least two refills.");
        }

        // What is left of the last refill: its energy minus the expected use since it was put in.
        double? hopperUnits = null;
        if (history.LastEntryDate is { } lastDate && history.LastRefillUnits is { } lastUnits && lastDate <= today)
        {
            var used = 0.0;
            for (var d = lastDate; d < today; d = d.AddDays(1)) used += pastDaily(d);
            hopperUnits = Math.Max(0, (lastUnits * fuel.KwhPerUnit) - used) / fuel.KwhPerUnit;
        }

        if (onHand < 0)
        {
            return new StockStatus(purchased, consumed, onHand, hopperUnits, null, null, method,
                "More was put in than purchased: record the missing purchases (or an opening stock).");
        }

        // Day by day from today: a day is covered when its whole expected use is there. The run-out date is the
        // first day that is not; days left = the covered days.
        var remaining = (onHand + (hopperUnits ?? 0)) * fuel.KwhPerUnit;
        for (var d = today; d.DayNumber - today.DayNumber <= ForecastHorizonDays; d = d.AddDays(1))
        {
            remaining -= daily(d);
            if (remaining < -1e-9)
            {
                return new StockStatus(purchased, consumed, onHand, hopperUnits, d, d.DayNumber - today.DayNumber, method, null);
            }
        }
        return new StockStatus(purchased, consumed, onHand, hopperUnits, null, null, method,
            $"The stock lasts more than {ForecastHorizonDays} days at normal temperatures.");
    }
}
