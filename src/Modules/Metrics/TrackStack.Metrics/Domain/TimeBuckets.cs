namespace TrackStack.Metrics.Domain;

/// <summary>Query buckets in the household's time zone. Rollups are kept per UTC minute, hour and day; a local
/// day, week (from Monday) or month is the union of the UTC hours it covers (23 or 25 on a DST change), or of
/// minutes in a zone whose offset is not whole hours. Minute and hour buckets are UTC minutes and hours shown
/// at the local offset, so the repeated hour of an autumn night stays two buckets.</summary>
internal static class TimeBuckets
{
    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : TimeZoneInfo.Utc;

    /// <summary>The rollup resolution that answers <paramref name="bucket"/> exactly in <paramref name="zone"/>
    /// between two instants.</summary>
    public static Resolution SourceFor(QueryBucket bucket, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        if (bucket == QueryBucket.Minute) return Resolution.Minute;
        var utc = zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC";
        if (bucket != QueryBucket.Hour && utc) return Resolution.Day;
        return WholeHourOffsets(zone, fromUtc, toUtc) ? Resolution.Hour : Resolution.Minute;
    }

    private static bool WholeHourOffsets(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        // Sampled every 6 hours (offsets change at most a few times a year) plus both ends.
        for (var t = fromUtc; t < toUtc; t = t.AddHours(6))
        {
            if (zone.GetUtcOffset(t).Ticks % TimeSpan.TicksPerHour != 0) return false;
        }
        return zone.GetUtcOffset(toUtc).Ticks % TimeSpan.TicksPerHour == 0;
    }

    /// <summary>The start of the query bucket holding the UTC instant, as a local time with its offset.</summary>
    public static DateTimeOffset StartOf(DateTime utc, QueryBucket bucket, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        switch (bucket)
        {
            case QueryBucket.Minute:
                return TimeZoneInfo.ConvertTime(new DateTimeOffset(Floor(utc, TimeSpan.TicksPerMinute), TimeSpan.Zero), zone);
            case QueryBucket.Hour:
                return TimeZoneInfo.ConvertTime(new DateTimeOffset(Floor(utc, TimeSpan.TicksPerHour), TimeSpan.Zero), zone);
        }
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var day = bucket switch
        {
            QueryBucket.Week => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            QueryBucket.Month => new DateOnly(local.Year, local.Month, 1),
            _ => local,
        };
        return LocalMidnight(day, zone);
    }

    /// <summary>The first instant of a local day: midnight, or the first valid minute when a DST change skips it.</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The UTC start of the rollup bucket of a resolution holding an instant.</summary>
    public static DateTime RollupStart(DateTime utc, Resolution resolution) => resolution switch
    {
        Resolution.Minute => Floor(utc, TimeSpan.TicksPerMinute),
        Resolution.Hour => Floor(utc, TimeSpan.TicksPerHour),
        _ => Floor(utc, TimeSpan.TicksPerDay),
    };

    /// <summary>A bound of a query range: an instant with an offset, or a date meaning its local midnight.</summary>
    public static DateTime? ParseBound(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Bounded to 1970..9998: near DateTime's ends a local midnight or a bucket start does not exist.
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.Year is >= 1970 and <= 9998 ? LocalMidnight(day, zone).UtcDateTime : null;
        }
        return Instant.Parse(text) is { Year: >= 1970 and <= 9998 } instant ? instant : null;
    }

    /// <summary>About how long a bucket is, to bound how many a query may ask for.</summary>
    public static TimeSpan Length(QueryBucket bucket) => bucket switch
    {
        QueryBucket.Minute => TimeSpan.FromMinutes(1),
        QueryBucket.Hour => TimeSpan.FromHours(1),
        QueryBucket.Day => TimeSpan.FromDays(1),
        QueryBucket.Week => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(28),
    };

    private static DateTime Floor(DateTime utc, long unit) => new(utc.Ticks - utc.Ticks % unit, DateTimeKind.Utc);
}
