namespace TrackStack.Metrics.Domain;

/// <summary>A stored point, kept for the product's retention. The tags are the series'.</summary>
internal sealed class RawPoint : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ProductId { get; set; }
    public Guid SeriesId { get; set; }
    public string Metric { get; set; } = "";
    public DateTime Time { get; set; }
    public double Value { get; set; }
}
