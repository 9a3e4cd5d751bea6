namespace TrackStack.Metrics.Domain;

/// <summary>Windows and bucket sizes as people write them ("15m", "2h", "1d"), kept in minutes, and the rollup
/// resolution that covers a duration exactly: days for whole days, hours for whole hours, else minutes.</summary>
internal static class AlertDurations
{
    public const int MaxMinutes = 366 * 1440;
    public const string Rule = "Use a number and m, h or d (15m, 2h, 1d), from 1 minute to 366 days; in minutes at most 1 day, in hours at most 31 days.";

    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2 || text.Length > 10) return null;
        var unit = text[^1] switch { 'm' => 1, 'h' => 60, 'd' => 1440, _ => 0 };
        if (unit == 0 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return null;
        var minutes = (long)n * unit;
        return minutes <= MaxMinutes && Fits(minutes) ? (int)minutes : null;
    }

    /// <summary>At most 1440 minute rollups or 744 hour rollups per series per window.</summary>
    private static bool Fits(long minutes) => minutes % 1440 == 0 || (minutes % 60 == 0 ? minutes <= 31 * 1440 : minutes <= 1440);

    public static string Format(int minutes) =>
        minutes % 1440 == 0 ? $"{minutes / 1440}d" : minutes % 60 == 0 ? $"{minutes / 60}h" : $"{minutes}m";

    public static string Words(int minutes)
    {
        var (n, unit) = minutes % 1440 == 0 ? (minutes / 1440, "day") : minutes % 60 == 0 ? (minutes / 60, "hour") : (minutes, "minute");
        return n == 1 ? $"1 {unit}" : $"{n} {unit}s";
    }

    public static Resolution ResolutionFor(int minutes) =>
        minutes % 1440 == 0 ? Resolution.Day : minutes % 60 == 0 ? Resolution.Hour : Resolution.Minute;

    public static TimeSpan Length(Resolution resolution) => resolution switch
    {
        Resolution.Minute => TimeSpan.FromMinutes(1),
        Resolution.Hour => TimeSpan.FromHours(1),
        _ => TimeSpan.FromDays(1),
    };

    /// <summary>The end of the window: now rounded up to the resolution, so the bucket holding now is the last one.</summary>
    public static DateTime End(DateTime nowUtc, Resolution resolution)
    {
        var start = TimeBuckets.RollupStart(nowUtc, resolution);
        return start == nowUtc ? start : start + Length(resolution);
    }
}
