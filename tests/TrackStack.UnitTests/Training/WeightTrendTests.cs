using TrackStack.Training.Domain;

namespace TrackStack.UnitTests.Training;

public sealed class WeightTrendTests
{
    private static readonly DateOnly D = new(2026, 1, 1);

    [Fact]
    public void Each_day_averages_the_weighed_days_of_its_week_and_a_day_weighed_twice_counts_once()
    {
        var trend = WeightTrend.SevenDay([(D, 80), (D.AddDays(1), 81), (D.AddDays(1), 83), (D.AddDays(3), 79), (D.AddDays(7), 78)]);
        Assert.Equal(80, trend[D]);
        Assert.Equal(81, trend[D.AddDays(1)]);           // (80 + mean(81, 83)) / 2
        Assert.Equal(80.33, trend[D.AddDays(3)]);        // (80 + 82 + 79) / 3
        Assert.Equal(79.67, trend[D.AddDays(7)]);        // day 1 has left the window: (82 + 79 + 78) / 3
    }
}
