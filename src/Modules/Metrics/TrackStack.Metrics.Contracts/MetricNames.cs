namespace TrackStack.Metrics.Contracts;

/// <summary>The public naming rule of metrics and tag keys, and what a tag value may hold. Metrics checks every
/// point with it; a module that stores metric names for later queries (Dashboards) checks them the same way, so a
/// name it accepts is one Metrics can answer for.</summary>
public static class MetricNames
{
    public const int MaxNameLength = 100;
    public const int MaxTagValueLength = 500;
    public const string NameRule = "Use 1 to 100 ASCII letters, digits, '_', '.' or '-'.";

    /// <summary>A metric name or tag key: 1 to 100 ASCII letters, digits, "_", "." and "-".</summary>
    public static bool IsName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>A tag value: 1 to 500 characters, no control characters.</summary>
    public static bool IsTagValue(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxTagValueLength && !value.Any(char.IsControl);
}
