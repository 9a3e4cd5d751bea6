using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports;

/// <summary>Sends one run that the caller holds (its lease), of a dashboard's schedule or of a digest: builds the report once, e-mails each recipient who does
/// not have it yet and records the answer. A failure leaves the run pending with the next attempt after a backoff,
/// or failed once no attempt is left. Runs in the household's scope.</summary>
internal sealed class ReportSender(ReportsDb db, ReportBuilder builder, DigestBuilder digests, IEmailSender email, ReportLinks links,
    IOptions<ReportsOptions> options, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, ILogger<ReportSender> logger)
{
    /// <summary>"Send now": the period before now (of <paramref name="period"/>) to <paramref name="userId"/> only, as a
    /// run of the schedule held by this request while it sends; a failure is retried by the scheduler like any run.</summary>
    public async Task<DeliveryResponse> SendNowAsync(Guid householdId, Guid scheduleId, string period, Guid userId, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        var (from, to, _, _) = SendTimes.PeriodBefore(period, now, zone);
        var run = new ReportDelivery
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            ScheduleId = scheduleId,
            DueAt = now,
            Trigger = "send-now",
            PeriodStart = from,
            PeriodEnd = to,
            Status = "pending",
            Attempts = 1,
            NextAttemptAt = now,
            LeaseUntil = now.AddMinutes(options.Value.LeaseMinutes),
            Recipients = [userId],
            CreatedAt = now,
        };
        db.Deliveries.Add(run);
        await db.SaveChangesAsync(ct);
        await SendAsync(run, ct);
        return (await db.Deliveries.AsNoTracking().FirstAsync(d => d.Id == run.Id, ct)).ToResponse();
    }

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
            var digest = DigestKind.Find(schedule.Digest);
            async Task<BuiltReport?> Build(Guid userId) => digest is null
                ? await builder.BuildAsync(run.HouseholdId, schedule.DashboardId, run.PeriodStart, run.PeriodEnd, firstDay, lastDay, context, ct, schedule.WidgetList)
                : await digests.BuildAsync(digest, run.HouseholdId, userId, run.PeriodStart, run.PeriodEnd, run.DueAt, context, ct);
            // Built once for everyone, except a per-member digest: each recipient's own data, built for them alone.
            var shared = digest?.PerMember == true ? null : await Build(Guid.Empty);
            if (digest is null && shared is null) { await FinishAsync(run, "failed", "The dashboard of this schedule was deleted.", ct); return; }
            var members = await db.Members.AsNoTracking().Select(m => m.UserId).ToListAsync(ct);
            var addresses = await db.Users.AsNoTracking().Where(u => run.Recipients.Contains(u.UserId)).ToDictionaryAsync(u => u.UserId, u => u.Email, ct);
            // Outside addresses still on the schedule and confirmed (one that unsubscribed meanwhile is gone).
            var guests = await db.Guests.AsNoTracking().Where(g => g.ScheduleId == schedule.Id && g.ConfirmedAt != null && run.Recipients.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id, g => g.Email, ct);
            var dashboardUrl = digest is null ? links.DashboardUrl(schedule.DashboardId) : links.PageUrl(digest.Page);
            var buildTime = shared?.BuildTime ?? TimeSpan.Zero;
            string? answer = null;
            foreach (var userId in run.Recipients.Except(run.SentTo).ToList())
            {
                // A member who left, or whose account is gone, gets nothing; a guest gets no link into the app.
                var guest = guests.TryGetValue(userId, out var address);
                if (!guest && (!members.Contains(userId) || !addresses.TryGetValue(userId, out address))) continue;
                var report = shared ?? (await Build(userId))!;
                if (shared is null) buildTime += report.BuildTime;
                var message = ReportEmail.Compose(report, schedule.Name, address!, guest ? null : dashboardUrl, links.UnsubscribeUrl(run.HouseholdId, schedule.Id, userId),
                    run.Trigger == "send-now", digest is null ? "report" : "digest");
                answer = await email.SendAsync(message, ct);
                run.SentTo = [.. run.SentTo, userId];
                run.LastAnswer = Clip(answer);
                await db.SaveChangesAsync(ct);
            }
            logger.LogInformation("Report {ScheduleId} for {PeriodStart:u} sent to {Count} recipient(s); built in {Milliseconds:F0} ms",
                schedule.Id, run.PeriodStart, run.SentTo.Count, buildTime.TotalMilliseconds);
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
