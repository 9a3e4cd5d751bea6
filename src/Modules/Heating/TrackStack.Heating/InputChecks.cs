namespace TrackStack.Heating;

/// <summary>Checks every heating input shares: date ranges, record dates and free text.</summary>
internal static class InputChecks
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>Far enough for any forecast, near enough that date arithmetic on it never leaves the calendar.</summary>
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <summary>Checks an optional from/to filter (from ≤ to).</summary>
    /// <summary>An optional from/to filter: from ≤ to, both between 1900 and 2999 (no data lies outside, and the defaults
    /// and seasons computed from such dates would fall off the calendar).</summary>
    public static void CheckRange(FieldErrors errors, DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t) errors.Add("to", "to must be on or after from.");
        if (from < EarliestDate || from > LatestDate) errors.Add("from", "from must be between 1900 and 2999.");
        if (to < EarliestDate || to > LatestDate) errors.Add("to", "to must be between 1900 and 2999.");
    }

    /// <summary>Dates of records: not before 1900 and not after tomorrow (a little slack for time zones).</summary>
    public static void CheckRecordDate(FieldErrors errors, DateOnly? date, DateOnly today, string field = "date")
    {
        if (date is not { } d) errors.Add(field, "date is required (yyyy-MM-dd).");
        else if (d < EarliestDate) errors.Add(field, "date must be in 1900 or later.");
        else if (d > today.AddDays(1)) errors.Add(field, "date cannot be in the future.");
    }

    public static void CheckText(FieldErrors errors, string? value, string field, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(field, $"{field} must be at most {max} characters.");
    }

    public static string? CleanText(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
