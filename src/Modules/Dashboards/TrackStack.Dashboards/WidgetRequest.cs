namespace TrackStack.Dashboards;

/// <summary>A widget as a client sends it (a replace, an imported document). Id keeps an existing widget's id on a
/// replace; an import gives every widget a new one.</summary>
public sealed record WidgetRequest(Guid? Id, string? Kind, string? Title, int? Width, WidgetQueryRequest? Query, double? Target);

/// <summary>What a widget asks Metrics for. Range is relative (the client resolves it in the household's zone);
/// Where holds "tag:value" filters; Product limits it to one of Metrics' products.</summary>
public sealed record WidgetQueryRequest(string? Metric, string? Agg, string? Bucket, string? Range, string? GroupBy, string[]? Where, Guid? Product);
