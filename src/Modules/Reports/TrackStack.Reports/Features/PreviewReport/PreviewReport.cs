namespace TrackStack.Reports.Features.PreviewReport;

internal static class PreviewReport
{
    public static void MapPreviewReport(this RouteGroupBuilder group) =>
        group.MapGet("/schedules/{id:guid}/preview", HandleAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("The report of the period before now as the e-mail's HTML, charts inline, for the browser");

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid id, HttpContext http, ReportsDb db, ReportBuilder builder, ReportLinks links, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var schedule = await db.DashboardSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return Problems.NotFound("report schedule");
        var context = http.GetHouseholdAccess().Context;
        var zone = SendTimes.Zone(context.TimeZone);
        var (from, to, first, last) = SendTimes.PeriodBefore(schedule.Period, StoredTime.Now(clock), zone);
        var report = await builder.BuildAsync(householdId, schedule.DashboardId, from, to, first, last, context, ct, schedule.WidgetList);
        if (report is null) return Problems.NotFound("dashboard of this schedule");
        var html = ReportEmail.PreviewHtml(report, schedule.Name, links.DashboardUrl(report.DashboardId));
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
