namespace TrackStack.Heating.Domain;

/// <summary>Heating degree days from daily mean temperatures: HDD = max(0, base − mean).</summary>
internal static class DegreeDays
{
    public static double Hdd(double baseC, double meanC) => Math.Max(0, baseC - meanC);
}

/// <summary>An inclusive range of days.</summary>
internal readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>Daily mean outdoor temperatures of one place. A day without a value is missing: it is never
/// treated as 0 °C, and any sum over a period with missing days says how many are missing.</summary>
internal sealed class TemperatureSeries
{
    private readonly Dictionary<DateOnly, double> _byDate;

    public TemperatureSeries(IEnumerable<KeyValuePair<DateOnly, double>> values)
    {
        _byDate = new Dictionary<DateOnly, double>();
        foreach (var (date, mean) in values) _byDate[date] = mean;
        if (_byDate.Count > 0)
        {
            First = _byDate.Keys.Min();
            Last = _byDate.Keys.Max();
        }
    }

    public static TemperatureSeries Empty { get; } = new([]);

    public int Count => _byDate.Count;
    public DateOnly? First { get; }
    public DateOnly? Last { get; }

    public bool TryGet(DateOnly date, out double meanC) => _byDate.TryGetValue(date, out meanC);

    public IEnumerable<KeyValuePair<DateOnly, double>> All => _byDate;

    /// <summary>HDD summed over [from, toExclusive) and the number of days in it without a temperature.</summary>
    public (double Hdd, int MissingDays) SumHdd(DateOnly from, DateOnly toExclusive, double baseC)
    {
        double sum = 0;
        var missing = 0;
        for (var d = from; d < toExclusive; d = d.AddDays(1))
        {
            if (_byDate.TryGetValue(d, out var mean)) sum += DegreeDays.Hdd(baseC, mean);
            else missing++;
        }
        return (sum, missing);
    }

    /// <summary>The means of [from, toExclusive) in date order, or null when a day is missing.</summary>
    public double[]? MeansOrNull(DateOnly from, DateOnly toExclusive)
    {
        var result = new double[Math.Max(0, toExclusive.DayNumber - from.DayNumber)];
        for (var i = 0; i < result.Length; i++)
        {
            if (!_byDate.TryGetValue(from.AddDays(i), out result[i])) return null;
        }
        return result;
    }

    /// <summary>The mean of the days in [from, toInclusive] that have a temperature; null when none has.</summary>
    public double? MeanOfKnown(DateOnly from, DateOnly toInclusive)
    {
        var (sum, n) = (0.0, 0);
        for (var d = from; d <= toInclusive; d = d.AddDays(1))
        {
            if (_byDate.TryGetValue(d, out var t)) (sum, n) = (sum + t, n + 1);
        }
        return n == 0 ? null : sum / n;
    }

    public int MissingDays(DateOnly from, DateOnly toInclusive)
    {
        var missing = 0;
        for (var d = from; d <= toInclusive; d = d.AddDays(1))
        {
            if (!_byDate.ContainsKey(d)) missing++;
        }
        return missing;
    }

    /// <summary>Runs of consecutive days without a temperature within [from, toInclusive], oldest first.</summary>
    public IReadOnlyList<DateRange> MissingRanges(DateOnly from, DateOnly toInclusive, int max)
    {
        var ranges = new List<DateRange>();
        DateOnly? start = null;
        for (var d = from; d <= toInclusive.AddDays(1); d = d.AddDays(1))
        {
            var missing = d <= toInclusive && !_byDate.ContainsKey(d);
            if (missing && start is null) start = d;
            if (!missing && start is { } s)
            {
                ranges.Add(new DateRange(s, d.AddDays(-1)));
                start = null;
                if (ranges.Count >= max) break;
            }
        }
        return ranges;
    }
}
