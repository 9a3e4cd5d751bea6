using TrackStack.Metrics.Domain;

namespace TrackStack.UnitTests.Metrics;

public sealed class MetricsRulesTests
{
    [Fact]
    public void Keys_have_the_marker_and_192_random_bits_and_are_hashed()
    {
        var a = KeySecret.Create();
        var b = KeySecret.Create();
        Assert.StartsWith("tsk_", a, StringComparison.Ordinal);
        Assert.Equal(4 + 39, a.Length); // 39 base32 characters carry 192 bits (≥ 160)
        Assert.NotEqual(a, b);
        Assert.True(KeySecret.LooksLikeKey(a));
        Assert.False(KeySecret.LooksLikeKey("tsk_short"));
        Assert.False(KeySecret.LooksLikeKey(a.ToUpperInvariant()));
        Assert.Equal(64, KeySecret.Hash(a).Length);
        Assert.NotEqual(KeySecret.Hash(a), KeySecret.Hash(b));
        Assert.Equal("tsk_", KeySecret.PrefixOf(a)[..4]);
    }

    [Theory]
    [InlineData("signups", true)]
    [InlineData("cpu.usage_idle", true)]
    [InlineData("a-b_c.D9", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("é", false)]
    [InlineData("a/b", false)]
    public void The_name_rule(string name, bool ok)
    {
        Assert.Equal(ok, PointRules.IsName(name));
        Assert.True(PointRules.IsName(new string('a', 100)));
        Assert.False(PointRules.IsName(new string('a', 101)));
    }

    [Fact]
    public void Point_checks_name_value_and_tags()
    {
        Assert.Null(PointRules.Check("m", 1, new Dictionary<string, string> { ["plan"] = "pro" }));
        Assert.Contains("metric name", PointRules.Check("bad name", 1, null));
        Assert.Contains("finite", PointRules.Check("m", double.NaN, null));
        Assert.Contains("finite", PointRules.Check("m", null, null));
        Assert.Contains("at most 20 tags", PointRules.Check("m", 1, Enumerable.Range(0, 21).ToDictionary(i => $"t{i}", _ => "v")));
        Assert.Contains("tag key", PointRules.Check("m", 1, new Dictionary<string, string> { ["bad key"] = "v" }));
        Assert.Contains("500", PointRules.Check("m", 1, new Dictionary<string, string> { ["k"] = new string('v', 501) }));
        Assert.Contains("500", PointRules.Check("m", 1, new Dictionary<string, string> { ["k"] = "" }));
    }

    [Fact]
    public void A_local_day_over_the_spring_dst_change_starts_at_midnight_and_lasts_23_hours()
    {
        var brussels = TimeBuckets.Zone("Europe/Brussels");
        var day = TimeBuckets.LocalMidnight(new DateOnly(2026, 3, 29), brussels);
        var next = TimeBuckets.LocalMidnight(new DateOnly(2026, 3, 30), brussels);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), day);
        Assert.Equal(TimeSpan.FromHours(23), next - day);
        // 21:30 UTC on the 29th is 23:30 CEST: still the 29th; 22:30 UTC is the 30th.
        Assert.Equal(day, TimeBuckets.StartOf(new DateTime(2026, 3, 29, 21, 30, 0, DateTimeKind.Utc), QueryBucket.Day, brussels));
        Assert.Equal(next, TimeBuckets.StartOf(new DateTime(2026, 3, 29, 22, 30, 0, DateTimeKind.Utc), QueryBucket.Day, brussels));
        Assert.Equal(Resolution.Hour, TimeBuckets.SourceFor(QueryBucket.Day, brussels, day.UtcDateTime, next.UtcDateTime));
    }

    [Fact]
    public void Weeks_start_on_monday_months_on_the_first_and_half_hour_zones_read_minutes()
    {
        var utc = TimeBuckets.Zone("UTC");
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), TimeBuckets.StartOf(new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc), QueryBucket.Week, utc));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeBuckets.StartOf(new DateTime(2026, 12, 31, 23, 59, 0, DateTimeKind.Utc), QueryBucket.Month, utc));
        Assert.Equal(Resolution.Day, TimeBuckets.SourceFor(QueryBucket.Month, utc, new DateTime(2026, 1, 1), new DateTime(2027, 1, 1)));
        var kolkata = TimeBuckets.Zone("Asia/Kolkata");
        Assert.Equal(Resolution.Minute, TimeBuckets.SourceFor(QueryBucket.Day, kolkata, new DateTime(2026, 1, 1), new DateTime(2026, 1, 2)));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.FromHours(5.5)), TimeBuckets.StartOf(new DateTime(2026, 1, 1, 18, 30, 0, DateTimeKind.Utc), QueryBucket.Day, kolkata));
    }

    [Fact]
    public void Instants_need_an_offset()
    {
        Assert.Equal(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc), Instant.Parse("2026-11-30T10:00:00Z"));
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), Instant.Parse("2026-11-30T10:00:00+01:00"));
        Assert.Null(Instant.Parse("2026-11-30T10:00:00"));
        Assert.Null(Instant.Parse("yesterday"));
    }

    [Fact]
    public void Aggregates_merge_and_last_follows_time()
    {
        var a = new Aggregate();
        a.Add(new DateTime(2026, 1, 1, 0, 2, 0), 5);
        a.Add(new DateTime(2026, 1, 1, 0, 1, 0), 1);
        a.Add(2, 10, 2, 8, new DateTime(2026, 1, 1, 0, 0, 0), 8);
        Assert.Equal((4L, 16.0, 1.0, 8.0, 5.0, 4.0), (a.Count, a.Sum, a.Min, a.Max, a.Last, a.Value(Aggregation.Avg)));
    }
}
