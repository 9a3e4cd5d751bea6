using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.Reports.Features.SendDueReports;

/// <summary>Every PollSeconds: claims the schedules that are due and sends the runs that are waiting. A due schedule
/// is claimed by moving its next send on (its version is checked) and inserting the run (unique per schedule and
/// due time) in one transaction, so of two replicas exactly one gets it. After downtime the missed sends become one
/// run (the next send is computed from now, not from the missed one); a run later than MaxLatenessHours is skipped
/// with a log line. A waiting run is leased before it is sent, so a second replica leaves it alone until the lease
/// ends (a sender that died).</summary>
internal sealed class SendDueReports(IServiceScopeFactory scopes, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, IOptions<ReportsOptions> options, ILogger<SendDueReports> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TrackStackTelemetry.RunJobAsync("reports-send-due", () => RunOnceAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Sending due reports failed; trying again in {Interval}", interval);
            }
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One pass: claims, then sends. Returns the number of runs sent or failed in this pass.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await ClaimDueAsync(ct);
        return await SendWaitingAsync(ct);
    }

    private async Task ClaimDueAsync(CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        List<(Guid Id, Guid HouseholdId)> due;
        await using (var scan = scopes.CreateAsyncScope())
        {
            due = (await scan.ServiceProvider.GetRequiredService<ReportsDb>().Schedules.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Enabled && s.NextDueAt != null && s.NextDueAt <= now)
                .Select(s => new { s.Id, s.HouseholdId }).ToListAsync(ct))
                .Select(s => (s.Id, s.HouseholdId)).ToList();
        }
        foreach (var (id, householdId) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(householdId);
            var db = scope.ServiceProvider.GetRequiredService<ReportsDb>();
            try
            {
                await ClaimAsync(db, id, now, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another replica moved the schedule on first: the run is theirs.
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another replica inserted this run first.
            }
        }
    }

    private async Task ClaimAsync(ReportsDb db, Guid scheduleId, DateTime now, CancellationToken ct)
    {
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is not { Enabled: true, NextDueAt: { } dueAt } || dueAt > now) return;
        var context = await db.GetHouseholdContextAsync(schedule.HouseholdId, ct);
        var zone = SendTimes.Zone(context.TimeZone);
        var (cron, _) = SendTimes.Expression(schedule.Frequency, schedule.Weekday, schedule.DayOfMonth, schedule.SendAt, schedule.Cron);
        var next = cron is null ? [] : SendTimes.Next(cron, now, zone, 1);
        schedule.NextDueAt = next.Count > 0 ? next[0] : null;
        schedule.Version++;
        var late = now - dueAt > TimeSpan.FromHours(options.Value.MaxLatenessHours);
        var guests = await db.Guests.Where(g => g.ScheduleId == schedule.Id && g.ConfirmedAt != null).Select(g => g.Id).ToListAsync(ct);
        var (from, to, _, _) = SendTimes.PeriodBefore(schedule.Period, dueAt, zone);
        db.Deliveries.Add(new ReportDelivery
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = schedule.HouseholdId,
            ScheduleId = schedule.Id,
            DueAt = dueAt,
            Trigger = "schedule",
            PeriodStart = from,
            PeriodEnd = to,
            Status = late ? "skipped" : "pending",
            NextAttemptAt = now,
            Recipients = [.. schedule.RecipientUserIds, .. guests],
            LastAnswer = late ? $"Not sent: found {now - dueAt:g} after its due time, later than TrackStack__Reports__MaxLatenessHours ({options.Value.MaxLatenessHours} h)." : null,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        if (late) logger.LogWarning("Report {ScheduleId} due at {DueAt:u} was skipped: {Late} late, more than {Hours} h", schedule.Id, dueAt, now - dueAt, options.Value.MaxLatenessHours);
    }

    private async Task<int> SendWaitingAsync(CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        List<(Guid Id, Guid HouseholdId)> waiting;
        await using (var scan = scopes.CreateAsyncScope())
        {
            waiting = (await scan.ServiceProvider.GetRequiredService<ReportsDb>().Deliveries.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.Status == "pending" && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.NextAttemptAt).Take(100)
                .Select(d => new { d.Id, d.HouseholdId }).ToListAsync(ct))
                .Select(d => (d.Id, d.HouseholdId)).ToList();
        }
        var done = 0;
        foreach (var (id, householdId) in waiting)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(householdId);
            var db = scope.ServiceProvider.GetRequiredService<ReportsDb>();
            var leaseUntil = now.AddMinutes(options.Value.LeaseMinutes);
            var leased = await db.Deliveries
                .Where(d => d.Id == id && d.Status == "pending" && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.LeaseUntil, leaseUntil).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (leased == 0) continue;
            var run = await db.Deliveries.FirstAsync(d => d.Id == id, ct);
            await scope.ServiceProvider.GetRequiredService<ReportSender>().SendAsync(run, ct);
            done++;
        }
        return done;
    }
}
