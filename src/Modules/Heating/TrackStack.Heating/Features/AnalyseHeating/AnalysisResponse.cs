namespace TrackStack.Heating.Features.AnalyseHeating;

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
    int IgnoredEntries,
    long? PricePerUnitCents);

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
/// starts) next to the same month a year earlier. DegreeDays are null when a day has no temperature.
/// MeanTemperatureC: the mean of the month's days (to today) that have one. CostCents: Units at the average price
/// paid per unit (PricePerUnitCents of the analysis); null when no purchase has a price.</summary>
public sealed record MonthlyUsageResponse(
    string Month, string LastSeasonMonth, DateOnly From, DateOnly To, double? Units, double LastSeasonUnits,
    double? DegreeDays, double? LastSeasonDegreeDays, double? MeanTemperatureC, long? CostCents);
