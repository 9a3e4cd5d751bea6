namespace TrackStack.Metrics;

/// <summary>A rule's condition at one instant: the value (null for a "no data" rule or an empty window of an
/// aggregate that needs points) and the condition in words.</summary>
internal sealed record AlertReading(bool Condition, double? Value, string Summary);

/// <summary>Evaluates a rule's condition from the rollups, through the same series matching as the query API
/// (household series only: a rule never reads a member's personal series). A window ends at now rounded up to the
/// rollup resolution that divides it (day, hour or minute), so it holds the bucket of now and whole buckets before.
/// An empty window is 0 for count and sum and no value otherwise (then Above and Below are false).</summary>
internal static class AlertReadings
{
    public static async Task<AlertReading> ReadAsync(MetricsDb db, AlertRule rule, DateTime nowUtc, CancellationToken ct)
    {
        nowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var tags = SeriesKey.ParseTags(rule.Tags);
        var label = AlertSummary.Series(rule.Metric, tags);
        var ids = (await MetricSeries.MatchAsync(db, rule.Metric, tags.Select(t => (t.Key, t.Value)).ToList(), rule.ProductId, null, ct) ?? [])
            .Select(s => s.Id).ToList();
        switch (rule.Kind)
        {
            case AlertKind.NoData:
            {
                var window = rule.WindowMinutes!.Value;
                var since = nowUtc.AddMinutes(-window);
                var firstMinute = TimeBuckets.RollupStart(since, Resolution.Minute);
                // A minute rollup's LastAt is its latest point: a point at or after `since` exists exactly when one has it.
                var any = ids.Count > 0 && await db.Rollups.AsNoTracking()
                    .AnyAsync(r => ids.Contains(r.SeriesId) && r.Resolution == Resolution.Minute && r.BucketStart >= firstMinute && r.BucketStart <= nowUtc && r.LastAt >= since, ct);
                return new AlertReading(!any, null, AlertSummary.NoData(label, window, !any));
            }
            case AlertKind.Spike:
            {
                var size = rule.BucketMinutes!.Value;
                var trailing = rule.TrailingBuckets!.Value;
                var k = rule.Deviations!.Value;
                var resolution = AlertDurations.ResolutionFor(size);
                var end = AlertDurations.End(nowUtc, resolution);
                var length = TimeSpan.FromMinutes(size);
                var from = end - length * (trailing + 1);
                var byBucket = new Aggregate[trailing + 1];
                foreach (var r in await MetricSeries.RollupsAsync(db, ids, resolution, from, end, ct))
                {
                    var index = (int)((end - r.BucketStart - TimeSpan.FromTicks(1)).Ticks / length.Ticks);
                    r.AddTo(byBucket[index] ??= new Aggregate());
                }
                var current = ValueOf(byBucket[0], rule.Aggregation);
                var baseline = byBucket.Skip(1).Select(a => ValueOf(a, rule.Aggregation)).OfType<double>().ToList();
                var result = current is { } c ? SpikeMath.Evaluate(c, baseline, k) : new SpikeResult(false, null, null, null);
                return new AlertReading(result.IsSpike, current, AlertSummary.Spike(rule.Aggregation, label, current, result, size, trailing, k));
            }
            default:
            {
                var window = rule.WindowMinutes!.Value;
                var resolution = AlertDurations.ResolutionFor(window);
                var end = AlertDurations.End(nowUtc, resolution);
                var all = new Aggregate();
                var rows = await MetricSeries.RollupsAsync(db, ids, resolution, end.AddMinutes(-window), end, ct);
                foreach (var r in rows) r.AddTo(all);
                var value = ValueOf(rows.Count == 0 ? null : all, rule.Aggregation);
                var threshold = rule.Threshold!.Value;
                var condition = value is { } v && (rule.Kind == AlertKind.Above ? v > threshold : v < threshold);
                return new AlertReading(condition, value, AlertSummary.Threshold(rule.Kind, rule.Aggregation, label, value, threshold, window, condition));
            }
        }
    }

    /// <summary>A bucket's value: count and sum are 0 without points, the others have none.</summary>
    private static double? ValueOf(Aggregate? a, Aggregation agg) =>
        a is { Count: > 0 } ? a.Value(agg) : agg is Aggregation.Count or Aggregation.Sum ? 0 : null;
}
