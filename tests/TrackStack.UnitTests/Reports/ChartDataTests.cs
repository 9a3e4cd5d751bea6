using System.Globalization;
using TrackStack.Reports.Rendering;

namespace TrackStack.UnitTests.Reports;

public sealed class ChartDataTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo American = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData(1234567.5, "de-DE", "1.234.567,5")]
    [InlineData(1234567.5, "en-US", "1,234,567.5")]
    [InlineData(0.30000000000000004, "en-US", "0.3")]
    [InlineData(-0.0000001, "en-US", "0")]
    [InlineData(-2500, "de-DE", "-2.500")]
    public void Values_have_the_cultures_separators(double value, string culture, string expected) =>
        Assert.Equal(expected, ChartData.ValueLabel(value, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Times_are_the_households_local_time_whatever_the_servers_zone()
    {
        // 23:00 in Berlin is 21:00 UTC: the label is the household's clock.
        var t = new DateTimeOffset(2026, 7, 14, 23, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal("23:00", ChartData.TimeLabel(t, ChartBucket.Hour, withDay: false, German));
        Assert.Equal("11:00 PM", ChartData.TimeLabel(t, ChartBucket.Hour, withDay: false, American).Replace('\u202f', ' ')); // ICU's narrow space
        Assert.Equal("14. Juli 23:00", ChartData.TimeLabel(t, ChartBucket.Hour, withDay: true, German));
        Assert.Equal("Jul 14", ChartData.TimeLabel(t, ChartBucket.Day, withDay: false, American));
        Assert.Equal("Jul 2026", ChartData.TimeLabel(t, ChartBucket.Month, withDay: false, American));
    }

    [Fact]
    public void Series_are_aligned_on_one_time_axis_and_stacked()
    {
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));
        var (times, columns) = ChartData.Align(
        [
            new ChartSeries("a", [new(day.AddDays(1), 2), new(day, 1), new(day, 1)]),
            new ChartSeries("b", [new(day.AddDays(1), 5), new(day.AddDays(2), double.NaN)]),
        ]);
        Assert.Equal([day, day.AddDays(1)], times);
        Assert.Equal([2.0, 2.0], columns[0]);
        Assert.Equal([null, 5.0], columns[1]);
        Assert.Equal([2.0, 7.0], ChartData.Stack(columns)[1]);
    }

    [Fact]
    public void Bars_stand_on_zero_and_lines_fit_their_data()
    {
        double?[][] weights = [[80, 82]];
        Assert.Equal(0, ChartData.ValueRange(weights, null, fromZero: true).Min);
        var (min, max) = ChartData.ValueRange(weights, null, fromZero: false);
        Assert.True(min is > 79 and < 80 && max is > 82 and < 83, $"{min}..{max}");
        Assert.True(ChartData.ValueRange(weights, 90, fromZero: false).Max > 90);
    }

    [Theory]
    [InlineData(15, "Minute")]
    [InlineData(60, "Hour")]
    [InlineData(23 * 60, "Day")] // the day the clocks go forward
    [InlineData(7 * 24 * 60, "Week")]
    [InlineData(28 * 24 * 60, "Month")]
    public void The_bucket_follows_the_spacing(int minutes, string expected)
    {
        var t = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(Enum.Parse<ChartBucket>(expected), ChartData.InferBucket([t, t.AddMinutes(minutes), t.AddMinutes(3 * minutes)]));
    }

    [Fact]
    public void Ticks_are_thinned_evenly()
    {
        Assert.Equal([0, 1, 2], ChartData.TickIndexes(3, 6));
        Assert.Equal([0, 15, 30, 45, 60, 75], ChartData.TickIndexes(90, 6));
    }
}
