namespace TrackStack.Dashboards.Features.ListTemplates;

public sealed record DashboardTemplateResponse(string Key, string Name, string Description, int WidgetCount);

internal static class ListTemplates
{
    public static void MapListTemplates(this RouteGroupBuilder group) =>
        group.MapGet("/templates", Handle).WithSummary("The ready-made dashboards a new one can start from");

    // householdId is bound so the route parameter stays in the OpenAPI document.
    internal static Ok<List<DashboardTemplateResponse>> Handle(Guid householdId) =>
        TypedResults.Ok(DashboardTemplates.All.Select(t => new DashboardTemplateResponse(t.Key, t.Name, t.Description, t.Widgets.Count)).ToList());
}
