using TrackStack.Metrics.Domain;

namespace TrackStack.UnitTests.Metrics;

public sealed class BuiltInRollupsTests
{
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Values_at_one_instant_are_one_observation_their_sum()
    {
        var noon = Utc(10, 12);
        var result = BuiltInRollups.Recompute([(noon, 12.5), (noon, 3.5), (Utc(10, 18), 4)], BuiltInRollups.BucketsOf(noon).Append((Resolution.Hour, Utc(10, 18))));

        var day = result[(Resolution.Day, Utc(10, 0))]!;
        Assert.Equal((2L, 20.0, 4.0, 16.0, 4.0, Utc(10, 18)), (day.Count, day.Sum, day.Min, day.Max, day.Last, day.LastAt));
        var hour = result[(Resolution.Hour, Utc(10, 12))]!;
        Assert.Equal((1L, 16.0), (hour.Count, hour.Sum));
        Assert.Equal(16.0, result[(Resolution.Minute, Utc(10, 12))]!.Sum);
        Assert.Equal(4.0, result[(Resolution.Hour, Utc(10, 18))]!.Sum);
    }

    [Fact]
    public void A_bucket_a_source_left_is_empty_and_one_it_entered_holds_only_what_is_stored()
    {
        // The entry moved from the 10th to the 12th: both days' buckets are recomputed from the points stored now.
        var left = BuiltInRollups.BucketsOf(Utc(10, 12)).ToList();
        var entered = BuiltInRollups.BucketsOf(Utc(12, 12)).ToList();
        var result = BuiltInRollups.Recompute([(Utc(12, 12), 20), (Utc(12, 9), 5)], left.Concat(entered));

        Assert.All(left, b => Assert.Null(result[b]));
        var day = result[(Resolution.Day, Utc(12, 0))]!;
        Assert.Equal((2L, 25.0, 5.0, 20.0, 20.0), (day.Count, day.Sum, day.Min, day.Max, day.Last));
        Assert.Equal(3, result.Count(r => r.Value is not null));
    }

    [Fact]
    public void Only_the_asked_buckets_are_answered()
    {
        var result = BuiltInRollups.Recompute([(Utc(10, 12), 1), (Utc(11, 12), 2)], [(Resolution.Day, Utc(11, 0))]);
        Assert.Equal([(Resolution.Day, Utc(11, 0))], result.Keys);
        Assert.Equal(2.0, result[(Resolution.Day, Utc(11, 0))]!.Sum);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-29T10:00:00Z")] // the spring-forward day: noon is CEST
    [InlineData("Europe/Berlin", "2026-10-25", "2026-10-25T11:00:00Z")] // the fall-back day: noon is CET
    [InlineData("Pacific/Kiritimati", "2026-11-10", "2026-11-09T22:00:00Z")] // UTC+14: noon is the day before in UTC
    [InlineData("UTC", "2026-11-10", "2026-11-10T12:00:00Z")]
    public void A_days_figure_sits_at_local_noon(string zone, string day, string expected)
    {
        var at = BuiltInTime.NoonUtc(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeBuckets.Zone(zone));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), at);
        // Whatever the zone, the query's local day holds it.
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, TimeBuckets.Zone(zone))));
    }
}
