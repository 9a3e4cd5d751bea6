namespace TrackStack.Metrics;

/// <summary>Stores checked points of one product: new series (insert-if-missing, ids derived from the series),
/// the raw points (one prepared insert or COPY, no change tracking), and the minute, hour and day rollups
/// added to in the same transaction, which the caller opens and commits.</summary>
internal static class PointWriter
{
    private static readonly Resolution[] Resolutions = [Resolution.Minute, Resolution.Hour, Resolution.Day];

    public static async Task StoreAsync(MetricsDb db, Guid householdId, Guid productId, IReadOnlyList<Point> points, DateTime now, CancellationToken ct)
    {
        if (points.Count == 0) return;
        var series = new Dictionary<(string Metric, string Tags), Guid>();
        var newSeries = new List<Series>();
        var raw = new List<RawPoint>(points.Count);
        var rollups = new Dictionary<(Guid, Resolution, DateTime), Aggregate>();
        foreach (var p in points)
        {
            var tags = SeriesKey.CanonicalTags(p.Tags);
            if (!series.TryGetValue((p.Metric, tags), out var seriesId))
            {
                seriesId = SeriesKey.Id(householdId, productId, p.Metric, tags);
                series[(p.Metric, tags)] = seriesId;
                newSeries.Add(new Series { Id = seriesId, HouseholdId = householdId, ProductId = productId, Metric = p.Metric, Tags = tags, CreatedAt = now });
            }
            raw.Add(new RawPoint { Id = Guid.CreateVersion7(), HouseholdId = householdId, ProductId = productId, SeriesId = seriesId, Metric = p.Metric, Time = p.Time, Value = p.Value });
            foreach (var resolution in Resolutions)
            {
                var key = (seriesId, resolution, TimeBuckets.RollupStart(p.Time, resolution));
                if (!rollups.TryGetValue(key, out var agg)) rollups[key] = agg = new Aggregate();
                agg.Add(p.Time, p.Value);
            }
        }
        await db.InsertIfMissingAsync(newSeries, ct);
        await db.BulkInsertAsync(raw, ct);
        var rows = rollups.OrderBy(r => r.Key.Item1).ThenBy(r => r.Key.Item2).ThenBy(r => r.Key.Item3)
            .Select(r => new Rollup
            {
                HouseholdId = householdId, SeriesId = r.Key.Item1, Resolution = r.Key.Item2, BucketStart = r.Key.Item3,
                ValueCount = r.Value.Count, ValueSum = r.Value.Sum, ValueMin = r.Value.Min, ValueMax = r.Value.Max,
                LastAt = r.Value.LastAt, LastValue = r.Value.Last,
            })
            .ToList();
        await RollupStore.UpsertAsync(db, rows, ct);
    }
}
