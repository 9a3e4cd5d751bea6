namespace TrackStack.Dashboards.Domain;

/// <summary>A checked widget: what a request, an imported document or a template turns into before it is stored.</summary>
internal sealed record WidgetDefinition(
    string Kind, string Title, int Width, string Metric, string Agg, string Bucket, string Range,
    string? GroupBy = null, IReadOnlyList<string>? Filters = null, Guid? ProductId = null, double? Target = null)
{
    /// <summary>The widget row at a position of a dashboard; <paramref name="id"/> keeps an existing widget's id.</summary>
    public Widget ToWidget(Guid householdId, Guid dashboardId, int position, Guid? id = null) => CopyTo(new Widget
    {
        Id = id ?? Guid.CreateVersion7(),
        HouseholdId = householdId,
        DashboardId = dashboardId,
    }, position);

    public Widget CopyTo(Widget w, int position)
    {
        w.Position = position;
        w.Kind = Kind;
        w.Title = Title;
        w.Width = Width;
        w.Metric = Metric;
        w.Agg = Agg;
        w.Bucket = Bucket;
        w.Range = Range;
        w.GroupBy = GroupBy;
        w.Filters = [.. Filters ?? []];
        w.ProductId = ProductId;
        w.Target = Target;
        return w;
    }
}
