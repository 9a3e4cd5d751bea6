using TrackStack.Dashboards.Contracts;

namespace TrackStack.Reports.Features.CreateSchedule;

internal static class CreateSchedule
{
    public static void MapCreateSchedule(this RouteGroupBuilder group) =>
        group.MapPost("/schedules", HandleAsync).WithSummary("Schedule a dashboard as an e-mailed report");

    internal static async Task<Results<Created<ScheduleResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, ScheduleRequest request, HttpContext http, ReportsDb db, ReportGuests guests, IDashboardReader dashboards, IHouseholdMembershipQuery members,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        var zone = SendTimes.Zone(access.Context.TimeZone);
        var now = StoredTime.Now(clock);
        var (schedule, errors) = await ScheduleValidation.CheckAsync(request, householdId, access.UserId, zone, now, dashboards, members, ct);
        if (schedule is null) return errors.ToResult();
        if (await db.DashboardSchedules.CountAsync(ct) >= ScheduleRules.MaxSchedules) return Problems.Conflict($"A household keeps at most {ScheduleRules.MaxSchedules} report schedules.");
        var row = new ReportSchedule { Id = Guid.CreateVersion7(), HouseholdId = householdId, Version = 1, CreatedBy = access.UserId, CreatedAt = now, UpdatedAt = now };
        schedule.CopyTo(row, zone, now);
        db.Schedules.Add(row);
        await guests.KeepAsync(row, schedule.Guests, access.UserId, now, ct);
        await db.SaveChangesAsync(ct);
        await guests.InviteAsync(row, access.Context, access.UserId, ct);
        return TypedResults.Created($"/api/households/{householdId}/reports/schedules/{row.Id}", row.ToResponse(zone, now, await guests.OfAsync(row.Id, ct)));
    }
}
