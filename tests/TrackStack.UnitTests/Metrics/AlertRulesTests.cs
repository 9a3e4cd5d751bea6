using System.Security.Cryptography;
using System.Text;
using TrackStack.Metrics.Domain;

namespace TrackStack.UnitTests.Metrics;

public sealed class AlertRulesTests
{
    [Fact]
    public void A_spike_lies_more_than_k_population_standard_deviations_from_the_trailing_mean()
    {
        // Mean 10, population standard deviation 2 (values 8 and 12).
        double[] trailing = [8, 12, 8, 12];
        var high = SpikeMath.Evaluate(17, trailing, 3);
        Assert.True(high.IsSpike);
        Assert.Equal(10, high.Mean);
        Assert.Equal(2, high.StdDev);
        Assert.Equal(3.5, high.Deviations);

        var edge = SpikeMath.Evaluate(16, trailing, 3); // exactly 3: not more than k
        Assert.False(edge.IsSpike);
        Assert.Equal(3, edge.Deviations);

        var low = SpikeMath.Evaluate(2, trailing, 3);
        Assert.True(low.IsSpike);
        Assert.Equal(-4, low.Deviations);
    }

    [Fact]
    public void A_spike_needs_two_trailing_values_and_a_flat_baseline_spikes_on_any_change()
    {
        Assert.False(SpikeMath.Evaluate(100, [1], 1).IsSpike);
        Assert.Null(SpikeMath.Evaluate(100, [], 1).Mean);
        Assert.True(SpikeMath.Evaluate(6, [5, 5, 5], 10).IsSpike);
        var same = SpikeMath.Evaluate(5, [5, 5, 5], 10);
        Assert.False(same.IsSpike);
        Assert.Equal(0, same.Deviations);
    }

    [Fact]
    public void Hysteresis_fires_once_and_resolves_after_two_clear_evaluations_in_a_row()
    {
        Assert.Equal((AlertStep.None, 0), Hysteresis.Next(AlertState.Ok, 0, false));
        Assert.Equal((AlertStep.Fire, 0), Hysteresis.Next(AlertState.Ok, 0, true));
        Assert.Equal((AlertStep.None, 0), Hysteresis.Next(AlertState.Firing, 0, true)); // never fires again while firing
        Assert.Equal((AlertStep.None, 1), Hysteresis.Next(AlertState.Firing, 0, false));
        Assert.Equal((AlertStep.None, 0), Hysteresis.Next(AlertState.Firing, 1, true)); // a true one starts the count again
        Assert.Equal((AlertStep.Resolve, 0), Hysteresis.Next(AlertState.Firing, 1, false));
    }

    [Theory]
    [InlineData("15m", 15, "15m", "15 minutes", "Minute")]
    [InlineData("90m", 90, "90m", "90 minutes", "Minute")]
    [InlineData("60m", 60, "1h", "1 hour", "Hour")]
    [InlineData("2h", 120, "2h", "2 hours", "Hour")]
    [InlineData("48h", 2880, "2d", "2 days", "Day")]
    [InlineData("1d", 1440, "1d", "1 day", "Day")]
    [InlineData("366d", 366 * 1440, "366d", "366 days", "Day")]
    public void Durations_parse_format_and_pick_the_resolution_that_divides_them(string text, int minutes, string format, string words, string resolution)
    {
        Assert.Equal(minutes, AlertDurations.Parse(text));
        Assert.Equal(format, AlertDurations.Format(minutes));
        Assert.Equal(words, AlertDurations.Words(minutes));
        Assert.Equal(resolution, AlertDurations.ResolutionFor(minutes).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("1w")]
    [InlineData("1441m")] // minute windows up to a day
    [InlineData("745h")] // hour windows up to 31 days
    [InlineData("367d")]
    [InlineData("99999999999d")]
    public void Bad_durations_are_refused(string? text) => Assert.Null(AlertDurations.Parse(text));

    [Fact]
    public void A_window_ends_at_now_rounded_up_to_its_resolution()
    {
        var now = new DateTime(2026, 11, 30, 10, 14, 30, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 30, 10, 15, 0, DateTimeKind.Utc), AlertDurations.End(now, Resolution.Minute));
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc), AlertDurations.End(now, Resolution.Hour));
        var whole = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(whole, AlertDurations.End(whole, Resolution.Hour));
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_body_keyed_with_the_secret()
    {
        var secret = WebhookSignature.CreateSecret();
        Assert.Matches("^tsw_[0-9a-f]{64}$", secret);
        Assert.NotEqual(secret, WebhookSignature.CreateSecret());
        var body = Encoding.UTF8.GetBytes("{\"event\":\"fired\"}");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        Assert.Equal(expected, WebhookSignature.Sign(body, secret));
        Assert.True(WebhookSignature.Verify(body, secret, expected));
        Assert.False(WebhookSignature.Verify(body, secret + "x", expected));
        Assert.False(WebhookSignature.Verify(Encoding.UTF8.GetBytes("{\"event\":\"resolved\"}"), secret, expected));
        // A known vector (RFC 4231 test case 2).
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookSignature.Sign(Encoding.ASCII.GetBytes("what do ya want for nothing?"), "Jefe"));
    }

    [Fact]
    public void Summaries_say_the_condition_in_words()
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["room"] = "kitchen" };
        Assert.Equal("kitchen.temp{room=kitchen}", AlertSummary.Series("kitchen.temp", tags));
        Assert.Equal("avg of kitchen.temp is 31.2, above 30 over the last 15 minutes",
            AlertSummary.Threshold(AlertKind.Above, Aggregation.Avg, "kitchen.temp", 31.2, 30, 15, true));
        Assert.Equal("min of t is 2, not below 1.5 over the last 1 hour",
            AlertSummary.Threshold(AlertKind.Below, Aggregation.Min, "t", 2, 1.5, 60, false));
        Assert.Equal("no point of t in the last 30 minutes", AlertSummary.NoData("t", 30, true));
        var spike = SpikeMath.Evaluate(17, [8, 12, 8, 12], 3);
        Assert.Equal("sum of s is 17 over the last 1 hour, 3.5 standard deviations above the mean 10 of the 4 buckets of 1 hour before (more than 3)",
            AlertSummary.Spike(Aggregation.Sum, "s", 17, spike, 60, 4, 3));
    }
}
