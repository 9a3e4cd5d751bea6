namespace TrackStack.Reports.Features.GetSchedule;

internal static class GetSchedule
{
    public static void MapGetSchedule(this RouteGroupBuilder group) =>
        group.MapGet("/schedules/{id:guid}", HandleAsync).WithSummary("One report schedule");

    internal static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, Guid id, HttpContext http, ReportsDb db, ReportGuests guests, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var s = await db.DashboardSchedules.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Problems.NotFound("report schedule");
        return TypedResults.Ok(s.ToResponse(SendTimes.Zone(http.GetHouseholdAccess().Context.TimeZone), StoredTime.Now(clock), await guests.OfAsync(id, ct)));
    }
}
