using TrackStack.BuildingBlocks.Email;

namespace TrackStack.Reports.Features.SendDigestNow;

internal static class SendDigestNow
{
    public static void MapSendDigestNow(this RouteGroupBuilder group) =>
        group.MapPost("/digests/{kind}/send", HandleAsync).RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Send a digest of the period before now to the caller only, as a preview, whether they have it on or not; the answer is the run as it ended");

    internal static async Task<Results<Ok<DeliveryResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, string kind, HttpContext http, ReportsDb db, ReportSender sender, IEmailSender email,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        if (DigestKind.Find(kind) is not { } digest) return Problems.NotFound("digest");
        if (!email.IsConfigured) return Problems.Conflict("E-mail is not set up on this server.", "An operator sets TrackStack__Smtp__Host (and the other SMTP settings) to send digests.");
        var access = http.GetHouseholdAccess();
        var row = await DigestRows.GetOrCreateAsync(db, digest, householdId, access.UserId, StoredTime.Now(clock), ct);
        return TypedResults.Ok(await sender.SendNowAsync(householdId, row.Id, digest.Period, access.UserId, SendTimes.Zone(access.Context.TimeZone), ct));
    }
}
