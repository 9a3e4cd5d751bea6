namespace TrackStack.Dashboards.Domain;

/// <summary>One tile of a dashboard: what to show (kind, title, width of 4 columns) and the Metrics query behind it,
/// with its range relative to today (resolved by the client in the household's time zone).</summary>
internal sealed class Widget : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid DashboardId { get; set; }
    public int Position { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public int Width { get; set; }
    public string Metric { get; set; } = "";
    public string Agg { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string Range { get; set; } = "";
    public string? GroupBy { get; set; }

    /// <summary>"tag:value" filters, all of which a point must match.</summary>
    public List<string> Filters { get; set; } = [];
    public Guid? ProductId { get; set; }
    public double? Target { get; set; }
}
