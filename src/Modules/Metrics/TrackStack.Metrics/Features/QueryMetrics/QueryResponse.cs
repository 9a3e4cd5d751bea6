namespace TrackStack.Metrics.Features.QueryMetrics;

/// <summary>One series per group (a single one without groupBy), buckets oldest first; a bucket without points
/// is left out. A bucket's start is local time with its offset.</summary>
public sealed record QueryResponse(string Metric, string Bucket, string Agg, string TimeZone, IReadOnlyList<QuerySeriesResponse> Series);

public sealed record QuerySeriesResponse(string? Group, IReadOnlyList<QueryPointResponse> Points);

public sealed record QueryPointResponse(DateTimeOffset Start, double Value, long Count);
