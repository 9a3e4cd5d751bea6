using System.Net;

namespace TrackStack.Reports.Features.ConfirmGuest;

/// <summary>The link of an outside address's invitation. GET shows a page with one button (a mail scanner that
/// follows links confirms nothing); POST from that button confirms, and the schedule's next runs include the address.
/// No sign-in: the signed, expiring token is the authority.</summary>
internal static class ConfirmGuest
{
    private const string Path = "/api/reports/guests/confirm";

    public static void MapConfirmGuest(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Page).AllowAnonymous().WithTags("Reports")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status400BadRequest, "text/html")
            .WithSummary("The page of an outside recipient's confirmation link (400 with a page when the link is damaged or expired)");
        app.MapPost(Path, HandleAsync).AllowAnonymous().WithTags("Reports").DisableAntiforgery()
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status400BadRequest, "text/html")
            .WithSummary("Confirm an outside address for a report (400 with a page when the link is damaged or expired)");
    }

    internal static async Task<ContentHttpResult> Page(string? token, ReportLinks links, ReportsDb db, HouseholdScope scope, CancellationToken ct)
    {
        if (links.ReadGuest(token) is not { } link) return Invalid();
        using var _ = scope.Enter(link.HouseholdId);
        var found = await FindAsync(db, link, ct);
        if (found is null) return Gone();
        var (guest, schedule) = found.Value;
        var name = WebUtility.HtmlEncode(schedule.Name);
        var action = WebUtility.HtmlEncode(Path + "?token=" + Uri.EscapeDataString(token!));
        return ReportPages.Html(guest.ConfirmedAt is not null
            ? $"<h1>Already confirmed</h1><p>{WebUtility.HtmlEncode(guest.Email)} receives “{name}”.</p>"
            : $"<h1>Receive “{name}”?</h1><p>Confirm that {WebUtility.HtmlEncode(guest.Email)} should receive this report by e-mail. Every e-mail has a link to stop it.</p>"
              + $"<form method=\"post\" action=\"{action}\"><button type=\"submit\">Yes, send it to me</button></form>");
    }

    internal static async Task<ContentHttpResult> HandleAsync(string? token, ReportLinks links, ReportsDb db, HouseholdScope scope,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        if (links.ReadGuest(token) is not { } link) return Invalid();
        using var _ = scope.Enter(link.HouseholdId);
        var found = await FindAsync(db, link, ct);
        if (found is null) return Gone();
        var (guest, schedule) = found.Value;
        if (guest.ConfirmedAt is null)
        {
            guest.ConfirmedAt = StoredTime.Now(clock);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Gone(); } // removed at this moment
        }
        return ReportPages.Html($"<h1>Confirmed</h1><p>{WebUtility.HtmlEncode(guest.Email)} will receive “{WebUtility.HtmlEncode(schedule.Name)}” from its next send.</p>");
    }

    private static async Task<(ReportGuest, ReportSchedule)?> FindAsync(ReportsDb db, (Guid HouseholdId, Guid ScheduleId, Guid GuestId) link, CancellationToken ct)
    {
        var guest = await db.Guests.FirstOrDefaultAsync(g => g.Id == link.GuestId && g.ScheduleId == link.ScheduleId, ct);
        var schedule = guest is null ? null : await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == link.ScheduleId, ct);
        return guest is null || schedule is null ? null : (guest, schedule);
    }

    // A page, not problem details: the person who opens it is in a browser, outside the app.
    private static ContentHttpResult Invalid() => ReportPages.Html(
        "<h1>This link does not work</h1><p>It has expired (links work for 14 days) or was not copied whole. Ask the member who added you: saving the report again sends a new link once the old one has expired.</p>",
        StatusCodes.Status400BadRequest);

    private static ContentHttpResult Gone() =>
        ReportPages.Html("<h1>Not on the list any more</h1><p>This address was removed from the report, or the report was deleted. Nothing will be sent.</p>");
}
