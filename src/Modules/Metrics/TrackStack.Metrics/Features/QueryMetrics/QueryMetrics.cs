namespace TrackStack.Metrics.Features.QueryMetrics;

/// <summary>Aggregates a metric over local buckets from the rollups: with a session under the household group
/// (any product of the household, or ?product=) or with a key that has the read scope (its product only).
/// Personal built-in series are read only by their member's own session.</summary>
internal static class QueryMetrics
{
    private const int MaxBuckets = 10_000;

    public static void MapQueryMetrics(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/query", (Guid householdId, string? metric, string? from, string? to, string? bucket, string? agg, string? groupBy, string[]? where, Guid? product,
                HttpContext http, MetricsDb db, CancellationToken ct) =>
                HandleAsync(new QueryInput(metric, from, to, bucket, agg, groupBy, where, product), http.GetHouseholdAccess().Context.TimeZone, http.GetHouseholdAccess().UserId, db, ct))
            .WithSummary("Aggregate a metric over local buckets (minute, hour, day, week, month) from the rollups");

    public static void MapQueryMetricsWithKey(this RouteGroupBuilder keyed) =>
        keyed.MapGet("/api/metrics/query", async (string? metric, string? from, string? to, string? bucket, string? agg, string? groupBy, string[]? where,
                HttpContext http, MetricsDb db, CancellationToken ct) =>
            {
                var access = http.GetKeyAccess();
                var context = await db.GetHouseholdContextAsync(access.HouseholdId, ct);
                // A key is no member: it never reads a personal series.
                return await HandleAsync(new QueryInput(metric, from, to, bucket, agg, groupBy, where, access.ProductId), context.TimeZone, null, db, ct);
            })
            .WithTags("Metrics").WithSummary("The same query with an API key that has the read scope: its product's series only");

    internal sealed record QueryInput(string? Metric, string? From, string? To, string? Bucket, string? Agg, string? GroupBy, string[]? Where, Guid? Product);

    internal static async Task<Results<Ok<QueryResponse>, ValidationProblem>> HandleAsync(QueryInput q, string timeZone, Guid? member, MetricsDb db, CancellationToken ct)
    {
        var zone = TimeBuckets.Zone(timeZone);
        var errors = new FieldErrors();
        errors.Check(PointRules.IsName(q.Metric), "metric", "Name the metric. " + PointRules.NameRule);
        var bucketOk = Enum.TryParse<QueryBucket>(q.Bucket ?? "day", ignoreCase: true, out var bucket) && !int.TryParse(q.Bucket, out _);
        errors.Check(bucketOk, "bucket", "Use minute, hour, day, week or month.");
        var aggOk = Enum.TryParse<Aggregation>(q.Agg ?? "sum", ignoreCase: true, out var agg) && !int.TryParse(q.Agg, out _);
        errors.Check(aggOk, "agg", "Use sum, avg, count, min, max or last.");
        var from = TimeBuckets.ParseBound(q.From, zone);
        var to = TimeBuckets.ParseBound(q.To, zone);
        errors.Check(from is not null, "from", "Give a date (2026-03-29, a local day) or an instant with an offset.");
        errors.Check(to is not null, "to", "Give a date (2026-03-30, a local day; the end is excluded) or an instant with an offset.");
        if (from is { } f0 && to is { } t0)
        {
            errors.Check(t0 > f0, "to", "The end must come after the start.");
            if (bucketOk && t0 > f0) errors.Check((t0 - f0) / TimeBuckets.Length(bucket) <= MaxBuckets, "to", $"Ask for at most {MaxBuckets} buckets; use a larger bucket or a shorter range.");
        }
        errors.Check(q.GroupBy is null || PointRules.IsName(q.GroupBy), "groupBy", "Name a tag key. " + PointRules.NameRule);
        var filters = MetricSeries.ParseWhere(q.Where, errors);
        if (errors.Any) return errors.ToResult();

        if (await MetricSeries.MatchAsync(db, q.Metric!, filters, q.Product, member, ct) is not { } series)
            return new FieldErrors().Add("where", $"More than {MetricSeries.MaxSeries:N0} series match; narrow the query with where=tag:value.").ToResult();
        var groupOf = series.ToDictionary(s => s.Id, s => q.GroupBy is null ? null : s.Tags.GetValueOrDefault(q.GroupBy));

        var fromUtc = DateTime.SpecifyKind(from!.Value, DateTimeKind.Utc);
        var toUtc = DateTime.SpecifyKind(to!.Value, DateTimeKind.Utc);
        var source = TimeBuckets.SourceFor(bucket, zone, fromUtc, toUtc);
        var ids = groupOf.Keys.ToList();
        var buckets = new Dictionary<string, SortedDictionary<DateTimeOffset, Aggregate>>();
        foreach (var r in await MetricSeries.RollupsAsync(db, ids, source, fromUtc, toUtc, ct))
        {
            var group = groupOf[r.SeriesId];
            if (!buckets.TryGetValue(group ?? "\0", out var byStart)) buckets[group ?? "\0"] = byStart = [];
            var start = TimeBuckets.StartOf(r.BucketStart, bucket, zone);
            if (!byStart.TryGetValue(start, out var a)) byStart[start] = a = new Aggregate();
            r.AddTo(a);
        }
        var result = buckets
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QuerySeriesResponse(g.Key == "\0" ? null : g.Key, g.Value.Select(p => new QueryPointResponse(p.Key, p.Value.Value(agg), p.Value.Count)).ToList()))
            .ToList();
        if (q.GroupBy is null && result.Count == 0) result.Add(new QuerySeriesResponse(null, []));
        return TypedResults.Ok(new QueryResponse(q.Metric!, bucket.ToString().ToLowerInvariant(), agg.ToString().ToLowerInvariant(), zone.Id, result));
    }
}
