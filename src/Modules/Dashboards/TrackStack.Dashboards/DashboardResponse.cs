namespace TrackStack.Dashboards;

/// <summary>A dashboard with its widgets in order. Version goes with the next replace.</summary>
public sealed record DashboardResponse(Guid Id, string Name, string? Description, int Position, long Version, DateTime UpdatedAt, IReadOnlyList<WidgetResponse> Widgets);

public sealed record WidgetResponse(Guid Id, string Kind, string Title, int Width, WidgetQueryResponse Query, double? Target);

/// <summary>A stored widget query (see <see cref="WidgetQueryRequest"/>).</summary>
public sealed record WidgetQueryResponse(string Metric, string Agg, string Bucket, string Range, string? GroupBy, IReadOnlyList<string> Where, Guid? Product);

internal static class DashboardResponses
{
    public static DashboardResponse ToResponse(this Dashboard d) =>
        new(d.Id, d.Name, d.Description, d.Position, d.Version, d.UpdatedAt,
            d.Widgets.OrderBy(w => w.Position).Select(w => w.ToResponse()).ToList());

    public static WidgetResponse ToResponse(this Widget w) => new(w.Id, w.Kind, w.Title, w.Width, w.ToQuery(), w.Target);

    public static WidgetQueryResponse ToQuery(this Widget w) => new(w.Metric, w.Agg, w.Bucket, w.Range, w.GroupBy, w.Filters, w.ProductId);
}
