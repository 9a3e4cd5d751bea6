namespace TrackStack.Dashboards.Features.CreateDashboard;

/// <summary>A new dashboard, blank or from a template's widgets (template: "blank" by default).</summary>
public sealed record CreateDashboardRequest(string? Name, string? Description, string? Template);

internal static class CreateDashboard
{
    public static void MapCreateDashboard(this RouteGroupBuilder group) =>
        group.MapPost("/", HandleAsync).WithSummary("Create a dashboard, blank or from a template");

    internal static async Task<Results<Created<DashboardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, CreateDashboardRequest request, HttpContext http, DashboardsDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        WidgetValidation.CheckName(errors, request.Name, request.Description);
        var template = DashboardTemplates.Find(request.Template ?? DashboardTemplates.BlankKey);
        if (template is null) errors.Add("template", $"template must be one of {string.Join(", ", DashboardTemplates.All.Select(t => t.Key))}.");
        if (errors.Any) return errors.ToResult();

        var dashboard = await NewDashboards.AddAsync(db, householdId, http.GetHouseholdAccess().UserId,
            request.Name!.Trim(), WidgetValidation.Clean(request.Description), template!.Widgets, StoredTime.Now(clock), ct);
        if (dashboard is null) return Problems.Conflict(NewDashboards.TooMany);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(NewDashboards.Location(householdId, dashboard.Id), dashboard.ToResponse());
    }
}
