namespace TrackStack.Metrics.Domain;

/// <summary>Rollups of built-in series, recomputed rather than added to: a source that changes or goes away takes
/// its old value out of its buckets, which an additive rollup cannot do. Values of one series at one instant are
/// one observation, their sum: several expenses of a category on a day, or several diary entries of a member on a
/// day, make that day's total (count then counts days with a figure, avg averages the day totals).</summary>
internal static class BuiltInRollups
{
    public static readonly Resolution[] Resolutions = [Resolution.Minute, Resolution.Hour, Resolution.Day];

    /// <summary>The minute, hour and day buckets holding an instant.</summary>
    public static IEnumerable<(Resolution Resolution, DateTime Start)> BucketsOf(DateTime utc) =>
        Resolutions.Select(r => (r, TimeBuckets.RollupStart(utc, r)));

    /// <summary>The aggregate of each asked bucket over <paramref name="points"/> (which must hold every point of
    /// the series in those buckets), or null for a bucket left empty (its rollup row goes).</summary>
    public static IReadOnlyDictionary<(Resolution Resolution, DateTime Start), Aggregate?> Recompute(
        IEnumerable<(DateTime Time, double Value)> points, IEnumerable<(Resolution Resolution, DateTime Start)> buckets)
    {
        var byBucket = new Dictionary<(Resolution, DateTime), Aggregate>();
        foreach (var o in points.GroupBy(p => p.Time).Select(g => (Time: g.Key, Value: g.Sum(p => p.Value))).OrderBy(o => o.Time))
        {
            foreach (var bucket in BucketsOf(o.Time))
            {
                if (!byBucket.TryGetValue(bucket, out var agg)) byBucket[bucket] = agg = new Aggregate();
                agg.Add(o.Time, o.Value);
            }
        }
        var result = new Dictionary<(Resolution, DateTime), Aggregate?>();
        foreach (var bucket in buckets) result[bucket] = byBucket.GetValueOrDefault(bucket);
        return result;
    }
}

/// <summary>Where a figure of a local day sits: local noon, which exists on every day (DST changes happen at
/// night) and stays within the day if the offset is later off by a few hours.</summary>
internal static class BuiltInTime
{
    public static DateTime NoonUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
