namespace TrackStack.Metrics.Domain;

/// <summary>A household's source of data ("my shop", "home sensors"): its keys write points, its retention
/// decides how long raw points are kept (rollups are kept for good).</summary>
internal sealed class Product : IHouseholdOwned
{
    public const int DefaultRetentionDays = 400;

    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int RetentionDays { get; set; } = DefaultRetentionDays;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
