namespace TrackStack.Dashboards.Domain;

/// <summary>A household's dashboard: a name and an ordered list of widget definitions. The server keeps
/// definitions only; the web app runs each widget's query against Metrics.</summary>
internal sealed class Dashboard : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int Position { get; set; }

    /// <summary>1 when created, +1 per save. A replace names the version it started from: an older one is refused
    /// (another member saved meanwhile), and two saves at once cannot both win (checked on save).</summary>
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Widget> Widgets { get; set; } = [];
}
