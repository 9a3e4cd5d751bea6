using TrackStack.Expenses.Domain;

namespace TrackStack.UnitTests.Expenses;

public sealed class ScheduleTests
{
    [Fact]
    public void Monthly_on_the_31st_falls_on_the_last_day_of_short_months()
    {
        var first = Schedule.FirstOnOrAfter(Frequency.Monthly, 31, null, new DateOnly(2026, 1, 15));
        Assert.Equal(new DateOnly(2026, 1, 31), first);
        var feb = Schedule.After(Frequency.Monthly, 31, null, first);
        Assert.Equal(new DateOnly(2026, 2, 28), feb);
        Assert.Equal(new DateOnly(2026, 3, 31), Schedule.After(Frequency.Monthly, 31, null, feb));
        Assert.Equal(new DateOnly(2028, 2, 29), Schedule.After(Frequency.Monthly, 31, null, new DateOnly(2028, 1, 31)));
    }

    [Fact]
    public void Weekly_uses_iso_weekdays()
    {
        // 2026-11-21 is a Saturday; day 1 = Monday.
        Assert.Equal(new DateOnly(2026, 11, 23), Schedule.FirstOnOrAfter(Frequency.Weekly, 1, null, new DateOnly(2026, 11, 21)));
        Assert.Equal(new DateOnly(2026, 11, 22), Schedule.FirstOnOrAfter(Frequency.Weekly, 7, null, new DateOnly(2026, 11, 21)));
        Assert.Equal(new DateOnly(2026, 11, 21), Schedule.FirstOnOrAfter(Frequency.Weekly, 6, null, new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void Yearly_moves_to_next_year_once_passed()
    {
        Assert.Equal(new DateOnly(2027, 3, 1), Schedule.FirstOnOrAfter(Frequency.Yearly, 1, 3, new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateOnly(2029, 2, 28), Schedule.After(Frequency.Yearly, 29, 2, new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void Due_dates_stop_at_today_and_at_the_end_date()
    {
        var t = new RecurringTemplate { Frequency = Frequency.Monthly, Day = 5, NextDue = new DateOnly(2026, 8, 5), EndDate = new DateOnly(2026, 10, 31) };
        Assert.Equal([new DateOnly(2026, 8, 5), new DateOnly(2026, 9, 5), new DateOnly(2026, 10, 5)], Schedule.DueUntil(t, new DateOnly(2026, 11, 21)));
        Assert.Equal([new DateOnly(2026, 8, 5)], Schedule.DueUntil(t, new DateOnly(2026, 9, 4)));
    }
}
