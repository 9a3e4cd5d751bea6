namespace TrackStack.Metrics.Domain;

/// <summary>The aggregates of one series over one UTC minute, hour or day, added to on every ingest. Queries
/// read these, never the raw points.</summary>
internal sealed class Rollup : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public Guid SeriesId { get; set; }
    public Resolution Resolution { get; set; }
    public DateTime BucketStart { get; set; }
    public long ValueCount { get; set; }
    public double ValueSum { get; set; }
    public double ValueMin { get; set; }
    public double ValueMax { get; set; }
    public DateTime LastAt { get; set; }
    public double LastValue { get; set; }
}

/// <summary>Stored as its number: keep the values.</summary>
internal enum Resolution
{
    Minute = 1,
    Hour = 2,
    Day = 3,
}
