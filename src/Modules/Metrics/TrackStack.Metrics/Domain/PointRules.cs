using TrackStack.Metrics.Contracts;

namespace TrackStack.Metrics.Domain;

/// <summary>The one naming rule of metrics and tag keys (public in Metrics.Contracts: ASCII letters, digits, "_", "."
/// and "-", 1 to 100 characters) and the limits of a point, shared by the JSON and line-protocol ingest.</summary>
internal static class PointRules
{
    public const int MaxNameLength = MetricNames.MaxNameLength;
    public const int MaxTags = 20;
    public const int MaxTagValueLength = MetricNames.MaxTagValueLength;
    /// <summary>The largest magnitude of a value: rollup sums of even 10^18 such values stay far from float8
    /// overflow (an infinite sum would fail every later batch on PostgreSQL and every query on SQLite). Not
    /// 1e15: Telegraf sends nanosecond timestamps (about 1.7e18) and 64-bit counters as field values.</summary>
    public const double MaxAbsValue = 1e100;
    public const string NameRule = MetricNames.NameRule;

    public static bool IsName(string? name) => MetricNames.IsName(name);

    public static bool IsTagValue(string? value) => MetricNames.IsTagValue(value);

    /// <summary>The first problem of a point's metric, value or tags, or null when it may be stored.</summary>
    public static string? Check(string? metric, double? value, IReadOnlyDictionary<string, string>? tags)
    {
        if (!IsName(metric)) return $"The metric name '{Shorten(metric)}' is not valid. {NameRule}";
        if (value is not { } v || !double.IsFinite(v)) return "The value must be a finite number.";
        if (Math.Abs(v) > MaxAbsValue) return $"The value {v.ToString("G6", CultureInfo.InvariantCulture)} is out of range; values are between -1e100 and 1e100.";
        if (tags is null) return null;
        if (tags.Count > MaxTags) return $"A point has at most {MaxTags} tags; this one has {tags.Count}.";
        foreach (var (key, tagValue) in tags)
        {
            if (!IsName(key)) return $"The tag key '{Shorten(key)}' is not valid. {NameRule}";
            if (!IsTagValue(tagValue)) return $"The value of tag '{key}' must have 1 to {MaxTagValueLength} characters and no control characters.";
        }
        return null;
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
