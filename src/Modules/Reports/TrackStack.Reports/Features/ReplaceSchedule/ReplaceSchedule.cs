using TrackStack.Dashboards.Contracts;

namespace TrackStack.Reports.Features.ReplaceSchedule;

internal static class ReplaceSchedule
{
    public static void MapReplaceSchedule(this RouteGroupBuilder group) =>
        group.MapPut("/schedules/{id:guid}", HandleAsync).WithSummary("Change a report schedule; its next send is computed again from now");

    internal static async Task<Results<Ok<ScheduleResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid id, ScheduleRequest request, HttpContext http, ReportsDb db, ReportGuests guests, IDashboardReader dashboards, IHouseholdMembershipQuery members,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var row = await db.DashboardSchedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null) return Problems.NotFound("report schedule");
        var access = http.GetHouseholdAccess();
        var zone = SendTimes.Zone(access.Context.TimeZone);
        var now = StoredTime.Now(clock);
        var (schedule, errors) = await ScheduleValidation.CheckAsync(request, householdId, access.UserId, zone, now, dashboards, members, ct);
        if (schedule is null) return errors.ToResult();
        schedule.CopyTo(row, zone, now);
        row.Version++;
        row.UpdatedAt = now;
        await guests.KeepAsync(row, schedule.Guests, access.UserId, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The schedule was being sent or changed at the same moment.", "Load it again and repeat the change.");
        }
        await guests.InviteAsync(row, access.Context, access.UserId, ct);
        return TypedResults.Ok(row.ToResponse(zone, now, await guests.OfAsync(row.Id, ct)));
    }
}
