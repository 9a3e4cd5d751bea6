namespace TrackStack.Training;

/// <summary>Times at the precision PostgreSQL keeps (whole microseconds), so what a create answers is exactly what
/// a later read, or a replay of the same create, returns.</summary>
internal static class StoredTime
{
    public static DateTime Now(TimeProvider clock) => Trim(clock.GetUtcNow().UtcDateTime);

    public static DateTime Trim(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
