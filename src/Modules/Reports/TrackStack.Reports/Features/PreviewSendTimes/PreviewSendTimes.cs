namespace TrackStack.Reports.Features.PreviewSendTimes;

public sealed record SendTimesResponse(IReadOnlyList<DateTimeOffset> NextSends, string TimeZone);

internal static class PreviewSendTimes
{
    public static void MapPreviewSendTimes(this RouteGroupBuilder group) =>
        group.MapGet("/send-times", HandleAsync).WithSummary("The next three sends of a frequency, before it is saved (the editor shows them)");

    internal static Results<Ok<SendTimesResponse>, ValidationProblem> HandleAsync(
        Guid householdId, string? frequency, int? weekday, int? dayOfMonth, string? cron, string? sendAt, HttpContext http, [FromKeyedServices(ReportsModule.Clock)] TimeProvider clock)
    {
        var zone = SendTimes.Zone(http.GetHouseholdAccess().Context.TimeZone);
        var now = StoredTime.Now(clock);
        var errors = new FieldErrors();
        var expression = ScheduleValidation.CheckTimes(errors, frequency, weekday, dayOfMonth, cron, sendAt, zone, now);
        if (expression is null) return errors.ToResult();
        return TypedResults.Ok(new SendTimesResponse(SendTimes.Next(expression, now, zone, 3).Select(t => ScheduleResponses.Local(t, zone)).ToList(), zone.Id));
    }
}
