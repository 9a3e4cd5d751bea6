namespace TrackStack.Metrics.Features.IngestPoints;

/// <summary>Up to 10,000 points. A point without a timestamp is "now"; a timestamp needs an offset or "Z".</summary>
public sealed record IngestRequest(IReadOnlyList<IngestPointRequest?>? Points);

public sealed record IngestPointRequest(string? Metric, double? Value, string? Timestamp, Dictionary<string, string>? Tags);

/// <summary>How many points were stored, and why each other one was not (by its index in the batch).</summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<IngestErrorResponse> Errors);

public sealed record IngestErrorResponse(int Index, string Message);
