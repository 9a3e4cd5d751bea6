namespace TrackStack.Dashboards.Features.DeleteDashboard;

internal static class DeleteDashboard
{
    public static void MapDeleteDashboard(this RouteGroupBuilder group) =>
        group.MapDelete("/{dashboardId:guid}", HandleAsync).WithSummary("Delete a dashboard and its widgets");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid dashboardId, DashboardsDb db, CancellationToken ct)
    {
        var dashboard = await db.Dashboards.Include(d => d.Widgets).FirstOrDefaultAsync(d => d.Id == dashboardId, ct);
        if (dashboard is null) return Problems.NotFound("Dashboard");
        db.Dashboards.Remove(dashboard);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
