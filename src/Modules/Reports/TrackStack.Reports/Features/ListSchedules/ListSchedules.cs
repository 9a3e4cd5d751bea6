namespace TrackStack.Reports.Features.ListSchedules;

internal static class ListSchedules
{
    public static void MapListSchedules(this RouteGroupBuilder group) =>
        group.MapGet("/schedules", HandleAsync).WithSummary("The household's report schedules, by name, with their next three sends");

    internal static async Task<Ok<List<ScheduleResponse>>> HandleAsync(Guid householdId, HttpContext http, ReportsDb db, ReportGuests guests, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var zone = SendTimes.Zone(http.GetHouseholdAccess().Context.TimeZone);
        var now = StoredTime.Now(clock);
        var rows = await db.DashboardSchedules.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var outside = await guests.BySchedulesAsync(ct);
        return TypedResults.Ok(rows.Select(s => s.ToResponse(zone, now, outside.GetValueOrDefault(s.Id))).ToList());
    }
}
