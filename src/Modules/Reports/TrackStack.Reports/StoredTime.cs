namespace TrackStack.Reports;

/// <summary>Now at the precision PostgreSQL keeps (whole microseconds), so an answer equals a later read.</summary>
internal static class StoredTime
{
    public static DateTime Now(TimeProvider clock) => Round(clock.GetUtcNow().UtcDateTime);

    public static DateTime Round(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
}
