namespace TrackStack.Reports.Features.PreviewDigest;

internal static class PreviewDigest
{
    public static void MapPreviewDigest(this RouteGroupBuilder group) =>
        group.MapGet("/digests/{kind}/preview", HandleAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("A digest of the period before now as the e-mail's HTML, charts inline, for the browser");

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid householdId, string kind, HttpContext http, DigestBuilder builder, ReportLinks links, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock, CancellationToken ct)
    {
        if (DigestKind.Find(kind) is not { } digest) return Problems.NotFound("digest");
        var access = http.GetHouseholdAccess();
        var context = access.Context;
        var now = StoredTime.Now(clock);
        var (from, to, _, _) = SendTimes.PeriodBefore(digest.Period, now, SendTimes.Zone(context.TimeZone));
        var report = await builder.BuildAsync(digest, householdId, access.UserId, from, to, now, context, ct);
        return TypedResults.Content(ReportEmail.PreviewHtml(report, digest.Title, links.PageUrl(digest.Page)), "text/html; charset=utf-8");
    }
}
