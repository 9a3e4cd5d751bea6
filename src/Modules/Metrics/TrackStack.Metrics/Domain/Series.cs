namespace TrackStack.Metrics.Domain;

/// <summary>One metric with one tag set in one product. Its id is derived from those (see
/// <see cref="SeriesKey"/>), so concurrent writers of a new series agree on it without reading first.</summary>
internal sealed class Series : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ProductId { get; set; }
    public string Metric { get; set; } = "";
    /// <summary>The tags as a JSON object with keys in ordinal order ("{}" without tags).</summary>
    public string Tags { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }

    /// <summary>The member a personal built-in series belongs to (nutrition, training): only that member's own
    /// session queries see it. Null for every other series.</summary>
    public Guid? OwnerId { get; set; }
}
