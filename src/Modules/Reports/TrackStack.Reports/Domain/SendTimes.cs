using Cronos;

namespace TrackStack.Reports.Domain;

/// <summary>When a schedule sends and what period a send covers, in the household's zone. Every frequency becomes a
/// cron expression evaluated by Cronos in that zone, so an 08:00 report is sent at 08:00 local on both sides of a
/// daylight-saving change; a local time that does not exist that night (02:30 in spring) is sent when the clocks
/// jump, and one that happens twice (02:30 in autumn) is sent once.</summary>
internal static class SendTimes
{
    /// <summary>No schedule sends more often than this (a cron of every minute is a mistake, not a report).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromHours(1);

    public static readonly string[] Frequencies = ["daily", "weekly", "monthly", "cron"];
    public static readonly string[] Periods = ["day", "week", "month"];

    /// <summary>The cron expression of a frequency, or null with the reason.</summary>
    public static (CronExpression? Cron, string? Error) Expression(string frequency, int? weekday, int? dayOfMonth, string? sendAt, string? cron)
    {
        if (frequency == "cron")
        {
            if (string.IsNullOrWhiteSpace(cron)) return (null, "Give a cron expression of five fields: minute hour day month weekday, e.g. 0 8 * * 1.");
            if (!CronExpression.TryParse(cron.Trim(), CronFormat.Standard, out var parsed))
                return (null, $"'{cron}' is not a cron expression of five fields (minute hour day month weekday), e.g. 0 8 * * 1.");
            return (parsed, null);
        }
        if (!TryParseTime(sendAt, out var time)) return (null, "Give the local send time as HH:mm, e.g. 08:00.");
        var minuteHour = $"{time.Minute} {time.Hour}";
        return frequency switch
        {
            "daily" => (CronExpression.Parse($"{minuteHour} * * *"), null),
            "weekly" when weekday is >= 1 and <= 7 => (CronExpression.Parse($"{minuteHour} * * {weekday % 7}"), null),
            "weekly" => (null, "Choose the weekday: 1 (Monday) to 7 (Sunday)."),
            "monthly" when dayOfMonth is >= 1 and <= 28 => (CronExpression.Parse($"{minuteHour} {dayOfMonth} * *"), null),
            "monthly" when dayOfMonth == -1 => (CronExpression.Parse($"{minuteHour} L * *"), null),
            "monthly" => (null, "Choose the day of the month: 1 to 28, or -1 for the last day."),
            _ => (null, $"Use one of {string.Join(", ", Frequencies)}."),
        };
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The next <paramref name="count"/> sends strictly after <paramref name="afterUtc"/>.</summary>
    public static IReadOnlyList<DateTime> Next(CronExpression cron, DateTime afterUtc, TimeZoneInfo zone, int count)
    {
        var list = new List<DateTime>(count);
        var from = DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc);
        while (list.Count < count && cron.GetNextOccurrence(from, zone) is { } next)
        {
            list.Add(next);
            from = next;
        }
        return list;
    }

    /// <summary>Whether the expression sends more often than <see cref="MinInterval"/> anywhere in its next sends.</summary>
    public static bool TooFrequent(CronExpression cron, DateTime fromUtc, TimeZoneInfo zone)
    {
        var next = Next(cron, fromUtc, zone, 24);
        return next.Zip(next.Skip(1)).Any(p => p.Second - p.First < MinInterval);
    }

    /// <summary>The whole local day, week (Monday to Sunday) or month before the local date of the send, as UTC
    /// instants; "this-month" (the month-end digest) is the month of the send itself.</summary>
    public static (DateTime FromUtc, DateTime ToUtc, DateOnly FirstDay, DateOnly LastDay) PeriodBefore(string period, DateTime dueUtc, TimeZoneInfo zone)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc), zone));
        var end = period switch
        {
            "week" => localDay.AddDays(-(((int)localDay.DayOfWeek + 6) % 7)),
            "month" => new DateOnly(localDay.Year, localDay.Month, 1),
            "this-month" => new DateOnly(localDay.Year, localDay.Month, 1).AddMonths(1),
            _ => localDay,
        };
        var start = period switch
        {
            "week" => end.AddDays(-7),
            "month" or "this-month" => end.AddMonths(-1),
            _ => end.AddDays(-1),
        };
        return (StartOfDayUtc(start, zone), StartOfDayUtc(end, zone), start, end.AddDays(-1));
    }

    /// <summary>Local midnight as UTC; where midnight does not exist (a zone that changes its clocks at 00:00) the
    /// first instant of the day.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : TimeZoneInfo.Utc;
}
