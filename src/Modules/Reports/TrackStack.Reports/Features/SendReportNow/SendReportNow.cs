using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports.Features.SendReportNow;

internal static class SendReportNow
{
    public static void MapSendReportNow(this RouteGroupBuilder group) =>
        group.MapPost("/schedules/{id:guid}/send", HandleAsync)
            .WithSummary("Send the report of the period before now to the caller only, as a preview; the answer is the run as it ended (a failure is retried like a scheduled one)");

    internal static async Task<Results<Ok<DeliveryResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid id, HttpContext http, ReportsDb db, ReportSender sender, IEmailSender email, CancellationToken ct)
    {
        var schedule = await db.DashboardSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return Problems.NotFound("report schedule");
        if (!email.IsConfigured) return Problems.Conflict("E-mail is not set up on this server.", "An operator sets TrackStack__Smtp__Host (and the other SMTP settings) to send reports.");
        var access = http.GetHouseholdAccess();
        return TypedResults.Ok(await sender.SendNowAsync(householdId, id, schedule.Period, access.UserId, SendTimes.Zone(access.Context.TimeZone), ct));
    }
}
