using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports;

/// <summary>Sends one run that the caller holds (its lease): builds the report once, e-mails each recipient who does
/// not have it yet and records the answer. A failure leaves the run pending with the next attempt after a backoff,
/// or failed once no attempt is left. Runs in the household's scope.</summary>
internal sealed class ReportSender(ReportsDb db, ReportBuilder builder, IEmailSender email, ReportLinks links,
    [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, ILogger<ReportSender> logger)
{
    public async Task SendAsync(ReportDelivery run, CancellationToken ct)
    {
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == run.ScheduleId, ct);
        if (schedule is null) { await FinishAsync(run, "failed", "The schedule was deleted.", ct); return; }
        if (!email.IsConfigured) { await FinishAsync(run, "failed", "SMTP is not configured (TrackStack__Smtp__Host): nothing was sent.", ct); return; }
        try
        {
            var context = await db.GetHouseholdContextAsync(run.HouseholdId, ct);
            var zone = SendTimes.Zone(context.TimeZone);
            var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.PeriodStart, zone));
            var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.PeriodEnd, zone)).AddDays(-1);
            var report = await builder.BuildAsync(run.HouseholdId, schedule.DashboardId, run.PeriodStart, run.PeriodEnd, firstDay, lastDay, context, ct);
            if (report is null) { await FinishAsync(run, "failed", "The dashboard of this schedule was deleted.", ct); return; }
            var members = await db.Members.AsNoTracking().Select(m => m.UserId).ToListAsync(ct);
            var addresses = await db.Users.AsNoTracking().Where(u => run.Recipients.Contains(u.UserId)).ToDictionaryAsync(u => u.UserId, u => u.Email, ct);
            // Outside addresses still on the schedule and confirmed (one that unsubscribed meanwhile is gone).
            var guests = await db.Guests.AsNoTracking().Where(g => g.ScheduleId == schedule.Id && g.ConfirmedAt != null && run.Recipients.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id, g => g.Email, ct);
            var dashboardUrl = links.DashboardUrl(report.DashboardId);
            string? answer = null;
            foreach (var userId in run.Recipients.Except(run.SentTo).ToList())
            {
                // A member who left, or whose account is gone, gets nothing; a guest gets no link into the app.
                var guest = guests.TryGetValue(userId, out var address);
                if (!guest && (!members.Contains(userId) || !addresses.TryGetValue(userId, out address))) continue;
                var message = ReportEmail.Compose(report, schedule.Name, address!, guest ? null : dashboardUrl,
                    links.UnsubscribeUrl(run.HouseholdId, schedule.Id, userId), run.Trigger == "send-now");
                answer = await email.SendAsync(message, ct);
                run.SentTo = [.. run.SentTo, userId];
                run.LastAnswer = Clip(answer);
                await db.SaveChangesAsync(ct);
            }
            logger.LogInformation("Report {ScheduleId} for {PeriodStart:u} sent to {Count} recipient(s); built in {Milliseconds:F0} ms",
                schedule.Id, run.PeriodStart, run.SentTo.Count, report.BuildTime.TotalMilliseconds);
            await FinishAsync(run, "sent", answer ?? run.LastAnswer ?? "No recipient is a member with an address any more.", ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var delay = DeliveryRetry.After(run.Attempts);
            logger.LogWarning(ex, "Report {ScheduleId} attempt {Attempt} failed; {Next}", run.ScheduleId, run.Attempts,
                delay is null ? "no attempt is left" : $"tried again in {delay}");
            db.ChangeTracker.Clear();
            var fresh = await db.Deliveries.FirstAsync(d => d.Id == run.Id, ct);
            fresh.LastAnswer = Clip(ex.Message);
            fresh.LeaseUntil = null;
            if (delay is { } d) fresh.NextAttemptAt = StoredTime.Now(clock) + d;
            else fresh.Status = "failed";
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task FinishAsync(ReportDelivery run, string status, string answer, CancellationToken ct)
    {
        run.Status = status;
        run.LastAnswer = Clip(answer);
        run.LeaseUntil = null;
        if (status == "sent") run.SentAt = StoredTime.Now(clock);
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..1000];
}
