using System.Net;
using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports;

/// <summary>A schedule's outside recipients: kept in step with what the editor saved, and invited by e-mail. A
/// guest receives the report only after confirming by the invitation's link, so a household member cannot make this
/// server mail reports to an address that never asked for them.</summary>
internal sealed class ReportGuests(ReportsDb db, IEmailSender email, ReportLinks links,
    [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, ILogger<ReportGuests> logger)
{
    /// <summary>Adds the new addresses and drops those no longer listed (null: no change); saved with the schedule.</summary>
    public async Task KeepAsync(ReportSchedule schedule, IReadOnlyList<string>? wanted, Guid by, DateTime now, CancellationToken ct)
    {
        if (wanted is null) return;
        var current = await db.Guests.Where(g => g.ScheduleId == schedule.Id).ToListAsync(ct);
        db.Guests.RemoveRange(current.Where(g => !wanted.Contains(g.Email)));
        foreach (var address in wanted.Except(current.Select(g => g.Email)))
        {
            db.Guests.Add(new ReportGuest
            {
                Id = Guid.CreateVersion7(), HouseholdId = schedule.HouseholdId, ScheduleId = schedule.Id, Email = address, InvitedBy = by, CreatedAt = now,
            });
        }
    }

    /// <summary>After the save: e-mails an invitation to each unconfirmed guest never invited (or whose link has
    /// expired). A failed send is logged and tried again at the next save; without SMTP nothing is sent.</summary>
    public async Task InviteAsync(ReportSchedule schedule, HouseholdContext household, Guid inviterId, CancellationToken ct)
    {
        if (!email.IsConfigured) return;
        var expired = StoredTime.Now(clock) - ReportLinks.GuestLinkLifetime;
        var due = await db.Guests.Where(g => g.ScheduleId == schedule.Id && g.ConfirmedAt == null && (g.InvitedAt == null || g.InvitedAt < expired)).ToListAsync(ct);
        if (due.Count == 0) return;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == inviterId, ct);
        // Never the member's address: the invitation goes outside the household.
        var inviter = string.IsNullOrWhiteSpace(user?.DisplayName) ? "A member" : user.DisplayName;
        foreach (var guest in due)
        {
            try
            {
                await email.SendAsync(Invitation(guest, schedule, household, inviter), ct);
                guest.InvitedAt = StoredTime.Now(clock);
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The guest was removed meanwhile (by an unsubscribe or another save): nothing to record.
                db.ChangeTracker.Clear();
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is not DbUpdateException)
            {
                logger.LogWarning("The invitation of a guest of report {ScheduleId} was not sent: {Error}", schedule.Id, ex.GetType().Name);
            }
        }
    }

    public async Task<Dictionary<Guid, List<ReportGuest>>> BySchedulesAsync(CancellationToken ct) =>
        (await db.Guests.AsNoTracking().OrderBy(g => g.Email).ToListAsync(ct)).GroupBy(g => g.ScheduleId).ToDictionary(g => g.Key, g => g.ToList());

    public Task<List<ReportGuest>> OfAsync(Guid scheduleId, CancellationToken ct) =>
        db.Guests.AsNoTracking().Where(g => g.ScheduleId == scheduleId).OrderBy(g => g.Email).ToListAsync(ct);

    private EmailMessage Invitation(ReportGuest guest, ReportSchedule schedule, HouseholdContext household, string inviter)
    {
        var url = links.ConfirmGuestUrl(guest.HouseholdId, guest.ScheduleId, guest.Id);
        var days = (int)ReportLinks.GuestLinkLifetime.TotalDays;
        var text = $"{inviter} of the household “{household.Name}” would like to e-mail you the report “{schedule.Name}” from TrackStack.\n\n"
            + $"Nothing is sent to you unless you confirm. To receive it, open this link within {days} days:\n{url}\n\n"
            + "If you did not expect this message, ignore it.\n";
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"></head>"
            + $"<body style=\"font-family:sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem;color:#1f2328\"><p>{E(inviter)} of the household “{E(household.Name)}” would like to e-mail you the report “{E(schedule.Name)}” from TrackStack.</p>"
            + $"<p>Nothing is sent to you unless you confirm.</p><p><a href=\"{E(url)}\" style=\"color:#1f5fbf\">Confirm that you want to receive it</a> (the link works for {days} days).</p>"
            + "<p style=\"color:#56606b\">If you did not expect this message, ignore it.</p></body></html>";
        return new EmailMessage(guest.Email, $"Confirm: receive “{schedule.Name}” from {household.Name}?", text, html) { Kind = "invite" };
    }
}
