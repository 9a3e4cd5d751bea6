namespace TrackStack.Expenses.Domain;

/// <summary>Which days of a month are compared. A month in progress is compared by the same number of days
/// ("so far this month vs the average by the 5th"): a day-one total against whole months reads as a
/// thousandfold change. Past and future months compare whole months.</summary>
internal readonly record struct ComparisonWindow(int? ThroughDay)
{
    public static ComparisonWindow For(YearMonth month, DateOnly today) =>
        new(month.Contains(today) ? today.Day : null);

    /// <summary>The first day after the window in <paramref name="month"/> (a short month ends earlier: by the
    /// 31st in February means all of February).</summary>
    public DateOnly EndOf(YearMonth month) =>
        ThroughDay is { } day && day < month.Days ? month.First.AddDays(day) : month.NextFirst;
}
