using System.Text.RegularExpressions;

namespace TrackStack.Reports.Rendering;

/// <summary>The chart's data on one time axis and its axes' labels, apart from the drawing so it can be tested: the
/// same rules as the dashboard's charts (web/packages/charts/src/shape.ts).</summary>
internal static partial class ChartData
{
    /// <summary>The series on one time axis, oldest first: the bucket starts (by instant) and a column per series with
    /// null where a series has no point. Points that are not finite numbers are left out; two points of one series at
    /// the same instant add up.</summary>
    public static (DateTimeOffset[] Times, double?[][] Columns) Align(IReadOnlyList<ChartSeries> series)
    {
        var byInstant = series.Select(s =>
        {
            var values = new Dictionary<DateTimeOffset, double>();
            foreach (var p in s.Points)
            {
                if (!double.IsFinite(p.Value)) continue;
                values[p.Time] = values.GetValueOrDefault(p.Time) + p.Value;
            }
            return values;
        }).ToList();
        // DateTimeOffset equality is by instant; the first point seen keeps its offset (the local time shown).
        var times = byInstant.SelectMany(v => v.Keys).Distinct().Order().ToArray();
        var columns = byInstant.Select(v => times.Select(t => v.TryGetValue(t, out var x) ? x : (double?)null).ToArray()).ToArray();
        return (times, columns);
    }

    /// <summary>Running totals for stacked bars: column i holds the sum of series 0..i (a missing value counts as 0;
    /// where every series up to i is missing it stays null).</summary>
    public static double?[][] Stack(double?[][] columns)
    {
        var result = new double?[columns.Length][];
        for (var i = 0; i < columns.Length; i++)
        {
            result[i] = new double?[columns[i].Length];
            for (var j = 0; j < columns[i].Length; j++)
            {
                var below = i == 0 ? null : result[i - 1][j];
                result[i][j] = columns[i][j] is { } v ? (below ?? 0) + v : below;
            }
        }
        return result;
    }

    /// <summary>The y range: bars and areas stand on zero (or the lowest value below it), a line is fitted to its
    /// data; the target is always inside; a little head room.</summary>
    public static (double Min, double Max) ValueRange(IEnumerable<double?[]> columns, double? target, bool fromZero)
    {
        var min = fromZero ? 0 : double.PositiveInfinity;
        var max = fromZero ? 0 : double.NegativeInfinity;
        foreach (var v in columns.SelectMany(c => c).Append(target))
        {
            if (v is not { } x || !double.IsFinite(x)) continue;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        if (!double.IsFinite(min)) return (0, 1);
        if (max == min) return fromZero ? (min, min + 1) : (min - 1, max + 1);
        var pad = (max - min) * 0.08;
        if (!fromZero) return (min - pad, max + pad);
        return (min < 0 ? min - pad : min, max > 0 ? max + pad : max);
    }

    /// <summary>The bucket the points' spacing suggests (a day when there is one time only).</summary>
    public static ChartBucket InferBucket(IReadOnlyList<DateTimeOffset> times)
    {
        var gap = TimeSpan.MaxValue;
        for (var i = 1; i < times.Count; i++)
        {
            var d = times[i] - times[i - 1];
            if (d > TimeSpan.Zero && d < gap) gap = d;
        }
        if (gap == TimeSpan.MaxValue) return ChartBucket.Day;
        if (gap < TimeSpan.FromMinutes(59)) return ChartBucket.Minute;
        if (gap < TimeSpan.FromHours(22)) return ChartBucket.Hour; // a day of a DST change is 23 or 25 hours
        if (gap < TimeSpan.FromDays(6.5)) return ChartBucket.Day;
        if (gap < TimeSpan.FromDays(27)) return ChartBucket.Week;
        return ChartBucket.Month;
    }

    /// <summary>The x ticks: the buckets' own times, thinned evenly to at most <paramref name="max"/> (automatic ticks
    /// would fall between buckets and repeat a label on a monthly chart).</summary>
    public static IReadOnlyList<int> TickIndexes(int count, int max)
    {
        if (count <= max) return [.. Enumerable.Range(0, count)];
        var step = (int)Math.Ceiling(count / (double)Math.Max(1, max));
        return [.. Enumerable.Range(0, count).Where(i => i % step == 0)];
    }

    /// <summary>A time label on the axis, in the household's local time (the offset the point carries) and the
    /// culture's own patterns: "14:00" for minutes and hours (with the day when <paramref name="withDay"/>), "30 Nov"
    /// for days and weeks, "Nov 2026" for months.</summary>
    public static string TimeLabel(DateTimeOffset time, ChartBucket bucket, bool withDay, CultureInfo culture)
    {
        var f = culture.DateTimeFormat;
        var local = time.DateTime;
        return bucket switch
        {
            ChartBucket.Minute or ChartBucket.Hour when withDay =>
                local.ToString(ShortMonth(f.MonthDayPattern), culture) + " " + local.ToString(f.ShortTimePattern, culture),
            ChartBucket.Minute or ChartBucket.Hour => local.ToString(f.ShortTimePattern, culture),
            ChartBucket.Month => local.ToString(ShortMonth(f.YearMonthPattern), culture),
            _ => local.ToString(ShortMonth(f.MonthDayPattern), culture),
        };
    }

    /// <summary>A value on the axis: the culture's thousands separator and decimal sign, no more than six decimals,
    /// no "-0".</summary>
    public static string ValueLabel(double value, CultureInfo culture)
    {
        var rounded = Math.Round(value, 6);
        if (rounded == 0) rounded = 0; // -0 → 0
        return Math.Abs(rounded) >= 1e15 ? rounded.ToString("E3", culture) : rounded.ToString("#,##0.######", culture);
    }

    /// <summary>A pattern with the full month name ("MMMM") made the abbreviated one ("MMM").</summary>
    private static string ShortMonth(string pattern) => FullMonth().Replace(pattern, "MMM");

    [GeneratedRegex("(?<!M)MMMM(?!M)")]
    private static partial Regex FullMonth();
}
