using TrackStack.Reports;
using TrackStack.Reports.Domain;

namespace TrackStack.UnitTests.Reports;

public sealed class SendTimesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Berlin).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_daily_8_oclock_report_is_sent_at_8_local_on_both_sides_of_both_changes()
    {
        var (cron, _) = SendTimes.Expression("daily", null, null, "08:00", null);
        var spring = SendTimes.Next(cron!, new DateTime(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc), Berlin, 2);
        Assert.Equal(["2026-03-29 08:00", "2026-03-30 08:00"], spring.Select(Local));
        Assert.Equal(new DateTime(2026, 3, 29, 6, 0, 0, DateTimeKind.Utc), spring[0]); // CEST: UTC+2
        var autumn = SendTimes.Next(cron!, new DateTime(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc), Berlin, 2);
        Assert.Equal(["2026-10-25 08:00", "2026-10-26 08:00"], autumn.Select(Local));
        Assert.Equal(new DateTime(2026, 10, 25, 7, 0, 0, DateTimeKind.Utc), autumn[0]); // CET: UTC+1
    }

    [Fact]
    public void A_time_skipped_in_spring_is_sent_when_the_clocks_jump_and_one_repeated_in_autumn_once()
    {
        var (cron, _) = SendTimes.Expression("daily", null, null, "02:30", null);
        var spring = SendTimes.Next(cron!, new DateTime(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc), Berlin, 1)[0];
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), spring); // 03:00 CEST, the first instant after the gap
        var autumn = SendTimes.Next(cron!, new DateTime(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc), Berlin, 2);
        Assert.Equal(TimeSpan.FromHours(25), autumn[1] - autumn[0]); // 25 October once, then 26 October
    }

    [Theory]
    [InlineData("day", "2026-11-03T07:00:00Z", "2026-11-01T23:00:00Z", "2026-11-02T23:00:00Z")]
    [InlineData("week", "2026-11-02T07:00:00Z", "2026-10-25T23:00:00Z", "2026-11-01T23:00:00Z")]
    [InlineData("month", "2026-11-01T07:00:00Z", "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z")]
    public void The_period_is_the_whole_local_day_week_or_month_before_the_send(string period, string due, string from, string to)
    {
        var (f, t, _, _) = SendTimes.PeriodBefore(period, DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Berlin);
        Assert.Equal(DateTime.Parse(from, null, System.Globalization.DateTimeStyles.AdjustToUniversal), f);
        Assert.Equal(DateTime.Parse(to, null, System.Globalization.DateTimeStyles.AdjustToUniversal), t);
    }

    [Fact]
    public void Frequencies_become_cron_expressions_and_bad_ones_say_why()
    {
        Assert.NotNull(SendTimes.Expression("weekly", 7, null, "09:15", null).Cron);
        Assert.NotNull(SendTimes.Expression("monthly", null, -1, "09:15", null).Cron);
        Assert.Contains("weekday", SendTimes.Expression("weekly", 0, null, "09:15", null).Error, StringComparison.Ordinal);
        Assert.Contains("day of the month", SendTimes.Expression("monthly", null, 31, "09:15", null).Error, StringComparison.Ordinal);
        Assert.Contains("five fields", SendTimes.Expression("cron", null, null, null, "0 8 * *").Error, StringComparison.Ordinal);
        var (everyMinute, _) = SendTimes.Expression("cron", null, null, null, "* * * * *");
        Assert.True(SendTimes.TooFrequent(everyMinute!, DateTime.UtcNow, Berlin));
        var (hourly, _) = SendTimes.Expression("cron", null, null, null, "0 * * * *");
        Assert.False(SendTimes.TooFrequent(hourly!, DateTime.UtcNow, Berlin));
    }

    [Fact]
    public void A_period_figure_weighs_averages_by_points_and_retries_back_off_then_stop()
    {
        var points = new[] { new TrackStack.Metrics.Contracts.MetricPoint(DateTimeOffset.UnixEpoch, 10, 1), new(DateTimeOffset.UnixEpoch.AddDays(1), 20, 3) };
        Assert.Equal(17.5, ReportBuilder.Combine("avg", points));
        Assert.Equal(30, ReportBuilder.Combine("sum", points));
        Assert.Equal(20, ReportBuilder.Combine("last", points));
        Assert.Null(ReportBuilder.Combine("sum", []));
        Assert.Equal("hour", ReportBuilder.Bucket("day", TimeSpan.FromDays(1), chart: true));
        Assert.Equal("hour", ReportBuilder.Bucket("minute", TimeSpan.FromDays(7), chart: true));
        Assert.Equal(TimeSpan.FromMinutes(1), DeliveryRetry.After(1));
        Assert.Null(DeliveryRetry.After(DeliveryRetry.MaxAttempts));
    }
}
