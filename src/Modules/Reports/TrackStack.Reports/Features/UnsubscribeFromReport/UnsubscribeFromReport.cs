using System.Net;

namespace TrackStack.Reports.Features.UnsubscribeFromReport;

/// <summary>The link in every report e-mail. GET shows a page with one button (so a mail scanner that follows links
/// does not unsubscribe anyone); POST, from that button or from the mail client's one-click unsubscribe (RFC 8058),
/// takes the member off the schedule. No sign-in: the signed token is the authority.</summary>
internal static class UnsubscribeFromReport
{
    public static void MapUnsubscribeFromReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/unsubscribe", Page).AllowAnonymous().WithTags("Reports")
            .Produces<string>(StatusCodes.Status200OK, "text/html").WithSummary("The page of a report's unsubscribe link");
        app.MapPost("/api/reports/unsubscribe", HandleAsync).AllowAnonymous().WithTags("Reports").DisableAntiforgery()
            .Produces<string>(StatusCodes.Status200OK, "text/html").WithSummary("Stop receiving a report (one-click, RFC 8058)");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Page(string? token, ReportLinks links, ReportsDb db, HouseholdScope scope, CancellationToken ct)
    {
        if (links.Read(token) is not { } link) return Invalid();
        using var _ = scope.Enter(link.HouseholdId);
        var schedule = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == link.ScheduleId, ct);
        var name = WebUtility.HtmlEncode(schedule?.Name ?? "this report");
        var action = "/api/reports/unsubscribe?token=" + Uri.EscapeDataString(token!);
        return ReportPages.Html($"<h1>Stop receiving “{name}”?</h1><form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(string? token, ReportLinks links, ReportsDb db, HouseholdScope scope,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        if (links.Read(token) is not { } link) return Invalid();
        using var _ = scope.Enter(link.HouseholdId);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == link.ScheduleId, ct);
        // A guest's token names the guest: the address leaves the schedule (adding it again needs a new confirmation).
        await db.Guests.Where(g => g.Id == link.UserId && g.ScheduleId == link.ScheduleId).ExecuteDeleteAsync(ct);
        if (schedule is not null && schedule.Remove(link.UserId, StoredTime.Now(clock)))
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Problems.Conflict("The report was being sent at this moment.", "Try the link again."); }
        }
        return ReportPages.Html($"<h1>Unsubscribed</h1><p>You will not receive “{WebUtility.HtmlEncode(schedule?.Name ?? "this report")}” any more. {(schedule?.Digest is null ? "A member of the household can add you again in Reports." : "Turn it on again in your profile.")}</p>");
    }

    private static ProblemHttpResult Invalid() => Problems.BadRequest("This unsubscribe link is not valid.", "Use the link of a report e-mail as it was sent.");

}
