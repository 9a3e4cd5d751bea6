namespace TrackStack.Heating;

/// <summary>The time to store: now at the precision PostgreSQL keeps (whole microseconds), so what a create or a
/// change answers is exactly what a later read, or a replay of the same create, returns.</summary>
internal static class StoredTime
{
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
