namespace TrackStack.Nutrition;

/// <summary>Now at the precision PostgreSQL keeps (whole microseconds), so a create's answer equals a later read.</summary>
internal static class StoredTime
{
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
