namespace TrackStack.Heating.Domain;

/// <summary>The day a heating season starts each year (default 1 September; a season runs to the day before
/// the next start).</summary>
internal readonly record struct SeasonStart(int Month, int Day)
{
    public static SeasonStart Default => new(9, 1);

    /// <summary>Null when valid; 29 February is refused because it does not exist every year.</summary>
    public static string? Check(int month, int day)
    {
        if (month is < 1 or > 12) return "seasonStartMonth must be between 1 and 12.";
        var max = DateTime.DaysInMonth(2001, month);
        return day < 1 || day > max ? $"seasonStartDay must be between 1 and {max} for month {month}." : null;
    }

    /// <summary>The first day of the season that contains <paramref name="date"/>.</summary>
    public DateOnly SeasonContaining(DateOnly date)
    {
        var start = new DateOnly(date.Year, Month, Day);
        return date >= start ? start : start.AddYears(-1);
    }

    /// <summary>"2025-2026" for a season starting in 2025 (or "2025" when the season is the calendar year).</summary>
    public static string Label(DateOnly seasonStart) =>
        seasonStart is { Month: 1, Day: 1 } ? $"{seasonStart.Year}" : $"{seasonStart.Year}-{seasonStart.Year + 1}";
}
