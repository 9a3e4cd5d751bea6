namespace TrackStack.Dashboards;

/// <summary>Now at the precision PostgreSQL keeps (whole microseconds), so an answer equals a later read.</summary>
internal static class StoredTime
{
    public static DateTime Now(TimeProvider clock)
    {
        var utc = clock.GetUtcNow().UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
