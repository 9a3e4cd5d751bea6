namespace TrackStack.Expenses.Domain;

internal enum Frequency
{
    Monthly,
    Weekly,
    Yearly,
}

/// <summary>An entry posted automatically when due (subscriptions, salary-day transfers, yearly fees).</summary>
internal sealed class RecurringTemplate : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Title { get; set; } = "";
    public long AmountCents { get; set; }
    public Guid? CategoryId { get; set; }
    public string? Note { get; set; }
    public string Tags { get; set; } = "";
    public Frequency Frequency { get; set; }

    /// <summary>Monthly/yearly: day of month (1-31; clamped to short months). Weekly: ISO day 1 (Monday) to 7.</summary>
    public int Day { get; set; }

    /// <summary>Yearly: month 1-12.</summary>
    public int? MonthOfYear { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly NextDue { get; set; }
    public bool Active { get; set; } = true;
    public Guid CreatedBy { get; set; }
}

internal static class Schedule
{
    /// <summary>The first due date on or after <paramref name="from"/>.</summary>
    public static DateOnly FirstOnOrAfter(Frequency frequency, int day, int? monthOfYear, DateOnly from)
    {
        switch (frequency)
        {
            case Frequency.Weekly:
                var target = (DayOfWeek)(day % 7); // ISO 7 (Sunday) -> 0
                var delta = ((int)target - (int)from.DayOfWeek + 7) % 7;
                return from.AddDays(delta);
            case Frequency.Monthly:
                var inMonth = Clamp(from.Year, from.Month, day);
                return inMonth >= from ? inMonth : Clamp(from.AddMonths(1).Year, from.AddMonths(1).Month, day);
            case Frequency.Yearly:
                var month = monthOfYear ?? 1;
                var thisYear = Clamp(from.Year, month, day);
                return thisYear >= from ? thisYear : Clamp(from.Year + 1, month, day);
            default:
                throw new ArgumentOutOfRangeException(nameof(frequency));
        }
    }

    /// <summary>The due date after <paramref name="due"/>.</summary>
    public static DateOnly After(Frequency frequency, int day, int? monthOfYear, DateOnly due) => frequency switch
    {
        Frequency.Weekly => due.AddDays(7),
        Frequency.Monthly => Clamp(due.AddMonths(1).Year, due.AddMonths(1).Month, day),
        Frequency.Yearly => Clamp(due.Year + 1, monthOfYear ?? due.Month, day),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>Every due date up to and including <paramref name="today"/> (bounded, so a template
    /// reactivated after years cannot flood the sheet).</summary>
    public static IReadOnlyList<DateOnly> DueUntil(RecurringTemplate t, DateOnly today, int max = 400)
    {
        var dates = new List<DateOnly>();
        var next = t.NextDue;
        while (next <= today && (t.EndDate is null || next <= t.EndDate) && dates.Count < max)
        {
            dates.Add(next);
            next = After(t.Frequency, t.Day, t.MonthOfYear, next);
        }
        return dates;
    }

    private static DateOnly Clamp(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
