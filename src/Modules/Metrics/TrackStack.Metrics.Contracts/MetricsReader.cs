namespace TrackStack.Metrics.Contracts;

/// <summary>The Metrics query (the same one as GET .../metrics/query) for a module in the same process: Reports
/// reads a report's figures with it. Household series only (never a member's personal series). The caller has
/// entered the household's scope.</summary>
public interface IMetricsReader
{
    /// <summary>Throws <see cref="ArgumentException"/> with the query API's words when the query is not valid.</summary>
    Task<MetricSeriesSet> QueryAsync(Guid householdId, MetricQuery query, CancellationToken ct);
}

/// <summary><paramref name="Where"/> holds "tag:value" filters; buckets are minute, hour, day, week or month in the
/// household's zone; aggregations sum, avg, count, min, max or last.</summary>
public sealed record MetricQuery(
    string Metric, DateTimeOffset From, DateTimeOffset To, string Bucket, string Agg,
    string? GroupBy = null, IReadOnlyList<string>? Where = null, Guid? ProductId = null);

public sealed record MetricSeriesSet(string Metric, string TimeZone, IReadOnlyList<MetricSeries> Series);

public sealed record MetricSeries(string? Group, IReadOnlyList<MetricPoint> Points);

public sealed record MetricPoint(DateTimeOffset Start, double Value, long Count);
