namespace TrackStack.Reports.Features.GetMyDigests;

internal static class GetMyDigests
{
    public static void MapGetMyDigests(this RouteGroupBuilder group) =>
        group.MapGet("/digests/me", HandleAsync).WithSummary("The built-in digests and which of them the caller gets, each with its next send (local time)");

    internal static async Task<Ok<List<DigestResponse>>> HandleAsync(Guid householdId, HttpContext http, ReportsDb db,
        [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        return TypedResults.Ok(await DigestRows.ForMemberAsync(db, access.UserId, SendTimes.Zone(access.Context.TimeZone), StoredTime.Now(clock), ct));
    }
}
