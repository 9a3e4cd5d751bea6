namespace TrackStack.Nutrition.Domain;

/// <summary>A recipe of the household's shared book. Tags and steps are small lists stored as JSON text.</summary>
internal sealed class Recipe : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public double Servings { get; set; }

    /// <summary>What the cooked dish weighs, when the cook weighed it: a diary entry can then be grams of the dish.</summary>
    public double? TotalGrams { get; set; }
    public int? PrepMinutes { get; set; }
    public int? CookMinutes { get; set; }
    public string Tags { get; set; } = "[]";
    public string? SourceUrl { get; set; }
    public string Steps { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The photo's content hash (its file name and strong ETag), null without a photo; the file is in the
    /// data dir (<see cref="Infrastructure.Photos.PhotoStore"/>), its pixel size here so the page keeps room for it.</summary>
    public string? PhotoVersion { get; set; }
    public int? PhotoWidth { get; set; }
    public int? PhotoHeight { get; set; }
}
