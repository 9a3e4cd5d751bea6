namespace TrackStack.Heating.Domain;

/// <summary>Per-day figures for other modules (the Metrics built-in series): fuel used, its energy and the degree
/// days of each day of a range, by the same rules the analysis sums them with.</summary>
internal static class DailyFigures
{
    public static List<(DateOnly Date, double? Units, double? Kwh, double? Hdd)> Compute(
        ConsumptionHistory history, FuelProfile fuel, TemperatureSeries temperatures, double baseC, DateOnly from, DateOnly to)
    {
        var days = new List<(DateOnly, double?, double?, double?)>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var units = history.UnitsBetween(d, d);
            double? hdd = temperatures.TryGet(d, out var mean) ? Math.Round(DegreeDays.Hdd(baseC, mean), 3) : null;
            var used = units > 0 ? Math.Round(units, 6) : (double?)null;
            if (used is null && hdd is null) continue;
            days.Add((d, used, used is { } u ? Math.Round(u * fuel.KwhPerUnit, 3) : null, hdd));
        }
        return days;
    }

    /// <summary>The days whose figures change when entries on <paramref name="dates"/> change: those days, and for
    /// metered fuels everything back to the entry before and on to the entry after (the intervals they bound).</summary>
    public static (DateOnly From, DateOnly To) AffectedByEntries(IReadOnlyCollection<DateOnly> dates, IReadOnlyCollection<DateOnly> entryDates, bool meterBased)
    {
        var (from, to) = (dates.Min(), dates.Max());
        if (!meterBased) return (from, to);
        var before = entryDates.Where(d => d < from).DefaultIfEmpty(from).Max();
        var after = entryDates.Where(d => d > to).DefaultIfEmpty(to).Min();
        return (before, after);
    }
}
