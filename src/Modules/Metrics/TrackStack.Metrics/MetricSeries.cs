namespace TrackStack.Metrics;

/// <summary>What the query API and the alert rules share: the tag filter ("tag:value"), the series of a metric that
/// match it, and their rollups in a range. Both read the same rollups the same way.</summary>
internal static class MetricSeries
{
    public const int MaxSeries = 1_000;

    /// <summary>Parses "tag:value" filters, adding a field error for each one that is not.</summary>
    public static List<(string Key, string Value)> ParseWhere(IEnumerable<string?>? where, FieldErrors errors, string field = "where")
    {
        var filters = new List<(string Key, string Value)>();
        foreach (var w in where ?? [])
        {
            var colon = w is null ? -1 : w.IndexOf(':');
            if (w is null || colon <= 0 || !PointRules.IsName(w[..colon]) || !PointRules.IsTagValue(w[(colon + 1)..])) errors.Add(field, $"'{w}' is not tag:value.");
            else filters.Add((w[..colon], w[(colon + 1)..]));
        }
        return filters;
    }

    /// <summary>The series of <paramref name="metric"/> (in one product, or all) having every filter tag, seen by
    /// <paramref name="member"/> (null: household series only); null when more than <see cref="MaxSeries"/> match.</summary>
    public static async Task<List<(Guid Id, SortedDictionary<string, string> Tags)>?> MatchAsync(
        MetricsDb db, string metric, IReadOnlyCollection<(string Key, string Value)> filters, Guid? product, Guid? member, CancellationToken ct)
    {
        var seriesQuery = db.Series.AsNoTracking().VisibleTo(member).Where(s => s.Metric == metric);
        if (product is { } p) seriesQuery = seriesQuery.Where(s => s.ProductId == p);
        // The tag filter runs in SQL, so the series limit counts only the series that match.
        foreach (var fragment in filters.Select(f => SeriesKey.TagFragment(f.Key, f.Value))) seriesQuery = seriesQuery.Where(s => s.Tags.Contains(fragment));
        var series = (await seriesQuery.Select(s => new { s.Id, s.Tags }).Take(MaxSeries + 1).ToListAsync(ct))
            .Select(s => (s.Id, Tags: SeriesKey.ParseTags(s.Tags)))
            .Where(s => filters.All(f => s.Tags.TryGetValue(f.Key, out var v) && v == f.Value))
            .ToList();
        return series.Count > MaxSeries ? null : series;
    }

    /// <summary>The rollups of the series at one resolution with a bucket start in [from, to).</summary>
    public static async Task<List<RollupRow>> RollupsAsync(
        MetricsDb db, IReadOnlyCollection<Guid> ids, Resolution resolution, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        return await db.Rollups.AsNoTracking()
            .Where(r => ids.Contains(r.SeriesId) && r.Resolution == resolution && r.BucketStart >= fromUtc && r.BucketStart < toUtc)
            .Select(r => new RollupRow(r.SeriesId, r.BucketStart, r.ValueCount, r.ValueSum, r.ValueMin, r.ValueMax, r.LastAt, r.LastValue))
            .ToListAsync(ct);
    }

    public static void AddTo(this RollupRow r, Aggregate a) => a.Add(r.ValueCount, r.ValueSum, r.ValueMin, r.ValueMax, r.LastAt, r.LastValue);
}

internal sealed record RollupRow(Guid SeriesId, DateTime BucketStart, long ValueCount, double ValueSum, double ValueMin, double ValueMax, DateTime LastAt, double LastValue);
