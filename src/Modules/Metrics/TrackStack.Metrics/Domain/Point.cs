namespace TrackStack.Metrics.Domain;

/// <summary>A checked point about to be stored: UTC time, finite value, tags obeying <see cref="PointRules"/>.</summary>
internal sealed record Point(string Metric, DateTime Time, double Value, SortedDictionary<string, string> Tags);
