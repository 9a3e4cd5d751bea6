namespace TrackStack.Dashboards.Features.GetDashboard;

internal static class GetDashboard
{
    public static void MapGetDashboard(this RouteGroupBuilder group) =>
        group.MapGet("/{dashboardId:guid}", HandleAsync).WithSummary("One dashboard with its widgets");

    internal static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid dashboardId, DashboardsDb db, CancellationToken ct)
    {
        var dashboard = await db.Dashboards.AsNoTracking().Include(d => d.Widgets).FirstOrDefaultAsync(d => d.Id == dashboardId, ct);
        return dashboard is null ? Problems.NotFound("Dashboard") : TypedResults.Ok(dashboard.ToResponse());
    }
}
