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

    /// <summary>The household's built-in product "Household" that holds the series kept from the other modules'
    /// events: one per household, created with its first figure, never deleted, renamed or given keys.</summary>
    public bool BuiltIn { get; set; }

    public const string BuiltInName = "Household";
}
