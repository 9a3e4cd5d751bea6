namespace TrackStack.Metrics.Domain;

/// <summary>What one source contributes to one built-in series: at most one value per series and source. These
/// are the built-in series' raw points, kept for good (no retention): the rollups of a bucket are recomputed from
/// them whenever a source in it changes.</summary>
internal sealed class BuiltInPoint : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public string SourceKey { get; set; } = "";
    public Guid SeriesId { get; set; }
    public DateTime Time { get; set; }
    public double Value { get; set; }
}
