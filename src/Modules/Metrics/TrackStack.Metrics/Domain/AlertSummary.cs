namespace TrackStack.Metrics.Domain;

/// <summary>A rule's condition and value in words, as the events, the webhook and the history carry them:
/// "avg of kitchen.temp is 31.2, above 30 over the last 15 minutes".</summary>
internal static class AlertSummary
{
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The metric with its tag filter: "kitchen.temp" or "kitchen.temp{room=kitchen}".</summary>
    public static string Series(string metric, IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? metric : metric + "{" + string.Join(",", tags.Select(t => $"{t.Key}={t.Value}")) + "}";

    private static string Agg(Aggregation agg) => agg.ToString().ToLowerInvariant();

    public static string Threshold(AlertKind kind, Aggregation agg, string series, double? value, double threshold, int windowMinutes, bool condition)
    {
        var window = AlertDurations.Words(windowMinutes);
        if (value is not { } v) return $"no points of {series} in the last {window}, so {Agg(agg)} is not {(kind == AlertKind.Above ? "above" : "below")} {Number(threshold)}";
        var side = (kind, condition) switch
        {
            (AlertKind.Above, true) => "above",
            (AlertKind.Above, false) => "not above",
            (_, true) => "below",
            _ => "not below",
        };
        return $"{Agg(agg)} of {series} is {Number(v)}, {side} {Number(threshold)} over the last {window}";
    }

    public static string NoData(string series, int windowMinutes, bool condition) =>
        condition
            ? $"no point of {series} in the last {AlertDurations.Words(windowMinutes)}"
            : $"{series} has points in the last {AlertDurations.Words(windowMinutes)}";

    public static string Spike(Aggregation agg, string series, double? value, SpikeResult result, int bucketMinutes, int trailing, double k)
    {
        var bucket = AlertDurations.Words(bucketMinutes);
        if (value is not { } v) return $"no points of {series} in the last {bucket}, so no spike";
        var head = $"{Agg(agg)} of {series} is {Number(v)} over the last {bucket}";
        if (result.Mean is not { } mean || result.Deviations is not { } d)
            return $"{head}; too few of the {trailing} buckets before it have points to judge a spike";
        var baseline = $"the mean {Number(mean)} of the {trailing} buckets of {bucket} before";
        if (double.IsInfinity(d)) return $"{head}, {(d > 0 ? "above" : "below")} {baseline}, which never varied";
        var direction = d >= 0 ? "above" : "below";
        return result.IsSpike
            ? $"{head}, {Number(Math.Abs(d))} standard deviations {direction} {baseline} (more than {Number(k)})"
            : $"{head}, {Number(Math.Abs(d))} standard deviations {direction} {baseline} (at most {Number(k)})";
    }
}
