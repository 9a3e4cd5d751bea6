namespace TrackStack.Heating.Domain;

/// <summary>The heating degree days of a "normal" year at one base temperature, and how they were obtained.</summary>
internal sealed record NormalYearHdd(double Hdd, NormalYearBasis Basis, int Years, int CoverageDays);

internal enum NormalYearBasis
{
    /// <summary>Mean of the complete calendar years in the data.</summary>
    FullYears,
    /// <summary>The 365 days before today, scaled up to 365 days when some are missing.</summary>
    Last365Days,
}

internal static class NormalYear
{
    /// <summary>Mean annual HDD over the complete calendar years before today, or the last 365 days when there is no
    /// complete year (scaled by 365/days-present). Null without any temperature in that window.</summary>
    public static NormalYearHdd? Compute(TemperatureSeries temperatures, double baseC, DateOnly today)
    {
        if (temperatures.First is not { } first || temperatures.Last is not { } last) return null;
        var fullYears = new List<double>();
        for (var year = first.Year; year <= last.Year && new DateOnly(year, 12, 31) < today; year++)
        {
            var (hdd, missing) = temperatures.SumHdd(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), baseC);
            if (missing == 0) fullYears.Add(hdd);
        }
        if (fullYears.Count > 0)
        {
            return new NormalYearHdd(fullYears.Average(), NormalYearBasis.FullYears, fullYears.Count, fullYears.Count * 365);
        }
        var from = today.AddDays(-365);
        var (sum, missingDays) = temperatures.SumHdd(from, today, baseC);
        var present = 365 - missingDays;
        return present == 0 ? null : new NormalYearHdd(sum * 365 / present, NormalYearBasis.Last365Days, 0, present);
    }
}

/// <summary>Expected HDD for a future day: the mean HDD of the same calendar day in past years; for a day the data
/// never covered, the mean of the last 30 days before today (or, without those, of all past days).</summary>
internal sealed class HddNormals
{
    private readonly Dictionary<(int Month, int Day), double> _byDay;
    private readonly double _fallback;

    private HddNormals(Dictionary<(int, int), double> byDay, double fallback)
    {
        _byDay = byDay;
        _fallback = fallback;
    }

    public static HddNormals? Build(TemperatureSeries temperatures, double baseC, DateOnly today)
    {
        var past = temperatures.All.Where(t => t.Key < today).ToList();
        if (past.Count == 0) return null;
        var byDay = past
            .GroupBy(t => (t.Key.Month, t.Key.Day))
            .ToDictionary(g => g.Key, g => g.Average(t => DegreeDays.Hdd(baseC, t.Value)));
        var recent = past.Where(t => t.Key >= today.AddDays(-30)).ToList();
        var fallback = (recent.Count > 0 ? recent : past).Average(t => DegreeDays.Hdd(baseC, t.Value));
        return new HddNormals(byDay, fallback);
    }

    public double For(DateOnly date) =>
        _byDay.TryGetValue((date.Month, date.Day), out var hdd) ? hdd
        : date is { Month: 2, Day: 29 } && _byDay.TryGetValue((2, 28), out var feb28) ? feb28
        : _fallback;
}
