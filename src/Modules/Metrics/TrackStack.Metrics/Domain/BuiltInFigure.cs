namespace TrackStack.Metrics.Domain;

/// <summary>A figure a source gives a built-in series: the metric, its tags, the member it belongs to (personal
/// series) or null (household series), the instant and the value.</summary>
internal sealed record BuiltInFigure(string Metric, SortedDictionary<string, string> Tags, Guid? Owner, DateTime Time, double Value)
{
    public static SortedDictionary<string, string> NoTags() => new(StringComparer.Ordinal);

    /// <summary>Tags from pairs; a pair without a value is left out, a value too long for a tag is cut.</summary>
    public static SortedDictionary<string, string> TagsOf(params (string Key, string? Value)[] pairs)
    {
        var tags = NoTags();
        foreach (var (key, value) in pairs)
        {
            if (!string.IsNullOrEmpty(value)) tags[key] = value.Length > PointRules.MaxTagValueLength ? value[..PointRules.MaxTagValueLength] : value;
        }
        return tags;
    }
}
