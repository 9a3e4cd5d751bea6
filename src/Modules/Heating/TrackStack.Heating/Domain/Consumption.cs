namespace TrackStack.Heating.Domain;

/// <summary>One recorded entry: a refill quantity (units put in) or a meter reading.</summary>
internal readonly record struct ConsumptionEntry(DateOnly Date, double? Quantity, double? MeterReading);

/// <summary>Fuel burnt over [Start, End): for refills, the quantity put in at Start (it burns until the next
/// refill at End); for meter readings, the difference between the readings at End and Start.</summary>
internal sealed record ConsumptionInterval(DateOnly Start, DateOnly End, double Units, double EnergyKwh, string? Problem)
{
    public int Days => End.DayNumber - Start.DayNumber;
}

/// <summary>The intervals of a household's entries, plus what is known about the one still running.</summary>
internal sealed record ConsumptionHistory(
    IReadOnlyList<ConsumptionInterval> Closed,
    DateOnly? LastEntryDate,
    double? LastRefillUnits,
    double TotalRefilledUnits,
    int IgnoredEntries,
    bool MeterBased,
    IReadOnlyList<(DateOnly Date, double Units)> Refills)
{
    /// <summary>Units used in [from, toInclusive]. Refills: the quantities put in on those days (what a
    /// user counts: "bags this season"). Meter readings: each interval's consumption spread evenly over
    /// its days, so a window cutting an interval gets its share.</summary>
    public double UnitsBetween(DateOnly from, DateOnly toInclusive)
    {
        if (!MeterBased) return Refills.Where(r => r.Date >= from && r.Date <= toInclusive).Sum(r => r.Units);
        double sum = 0;
        foreach (var i in Closed)
        {
            if (i.Problem is not null || i.Days <= 0) continue;
            var start = Math.Max(i.Start.DayNumber, from.DayNumber);
            var end = Math.Min(i.End.DayNumber, toInclusive.DayNumber + 1);
            if (end > start) sum += i.Units * (end - start) / i.Days;
        }
        return sum;
    }
}

internal static class ConsumptionIntervals
{
    /// <summary>Builds the intervals between consecutive entry dates. Several refills on one day count as one
    /// refill of their sum; several readings on one day keep the highest. Entries without the value the fuel
    /// needs (a quantity, or a reading for metered fuels) are ignored and counted.</summary>
    public static ConsumptionHistory Build(IEnumerable<ConsumptionEntry> entries, FuelProfile fuel)
    {
        var list = entries.ToList();
        var usable = list.Where(e => fuel.MeterBased ? e.MeterReading is not null : e.Quantity is not null).ToList();
        var ignored = list.Count - usable.Count;

        var byDate = usable
            .GroupBy(e => e.Date)
            .OrderBy(g => g.Key)
            .Select(g => (Date: g.Key, Value: fuel.MeterBased ? g.Max(e => e.MeterReading!.Value) : g.Sum(e => e.Quantity!.Value)))
            .ToList();

        var closed = new List<ConsumptionInterval>();
        for (var i = 0; i + 1 < byDate.Count; i++)
        {
            var (start, value) = byDate[i];
            var end = byDate[i + 1].Date;
            if (fuel.MeterBased)
            {
                var units = byDate[i + 1].Value - value;
                var problem = units < 0 ? "The meter reading went down (meter replaced or a typo?)." : null;
                closed.Add(new ConsumptionInterval(start, end, units, units * fuel.KwhPerUnit, problem));
            }
            else
            {
                closed.Add(new ConsumptionInterval(start, end, value, value * fuel.KwhPerUnit, null));
            }
        }

        return new ConsumptionHistory(
            closed,
            byDate.Count > 0 ? byDate[^1].Date : null,
            !fuel.MeterBased && byDate.Count > 0 ? byDate[^1].Value : null,
            fuel.MeterBased ? 0 : byDate.Sum(r => r.Value),
            ignored,
            fuel.MeterBased,
            fuel.MeterBased ? [] : byDate);
    }
}
