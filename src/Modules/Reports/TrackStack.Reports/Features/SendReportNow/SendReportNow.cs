using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports.Features.SendReportNow;

internal static class SendReportNow
{
    public static void MapSendReportNow(this RouteGroupBuilder group) =>
        group.MapPost("/schedules/{id:guid}/send", HandleAsync)
            .WithSummary("Send the report of the period before now to the caller only, as a preview; the answer is the run as it ended (a failure is retried like a scheduled one)");

    internal static async Task<Results<Ok<DeliveryResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid id, HttpContext http, ReportsDb db, ReportSender sender, IEmailSender email, IOptions<ReportsOptions> options,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var schedule = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return Problems.NotFound("report schedule");
        if (!email.IsConfigured) return Problems.Conflict("E-mail is not set up on this server.", "An operator sets TrackStack__Smtp__Host (and the other SMTP settings) to send reports.");
        var access = http.GetHouseholdAccess();
        var now = StoredTime.Now(clock);
        var (from, to, _, _) = SendTimes.PeriodBefore(schedule.Period, now, SendTimes.Zone(access.Context.TimeZone));
        var run = new ReportDelivery
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            ScheduleId = id,
            DueAt = now,
            Trigger = "send-now",
            PeriodStart = from,
            PeriodEnd = to,
            Status = "pending",
            Attempts = 1,
            NextAttemptAt = now,
            // Held by this request while it sends; the scheduler retries it after a failure.
            LeaseUntil = now.AddMinutes(options.Value.LeaseMinutes),
            Recipients = [access.UserId],
            CreatedAt = now,
        };
        db.Deliveries.Add(run);
        await db.SaveChangesAsync(ct);
        await sender.SendAsync(run, ct);
        var stored = await db.Deliveries.AsNoTracking().FirstAsync(d => d.Id == run.Id, ct);
        return TypedResults.Ok(stored.ToResponse());
    }
}
