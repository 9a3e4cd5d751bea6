namespace TrackStack.Training.Domain;

/// <summary>The 7-day trend of a body weight log: on each day, the mean of the days with a weighing among it and
/// the six before (each day's own weighings averaged first, so weighing twice does not count double).</summary>
internal static class WeightTrend
{
    public static Dictionary<DateOnly, double> SevenDay(IEnumerable<(DateOnly Date, double Kg)> entries)
    {
        var daily = entries.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.Average(e => e.Kg));
        var trend = new Dictionary<DateOnly, double>();
        foreach (var day in daily.Keys)
        {
            var window = daily.Where(d => d.Key > day.AddDays(-7) && d.Key <= day).Select(d => d.Value).ToList();
            trend[day] = Math.Round(window.Average(), 2);
        }
        return trend;
    }
}
