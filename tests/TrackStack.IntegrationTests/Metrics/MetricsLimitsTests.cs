using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

/// <summary>Inputs at the edges of what the metrics API accepts: each is a clear 4xx, never a 500 or a wrong answer.</summary>
public sealed class MetricsLimitsTests
{
    [Fact]
    public async Task A_line_protocol_body_of_more_than_50_000_points_is_a_413_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, home, product, key) = await KeyedProductAsync(host);
        using var http = KeyClient(host);

        var body = string.Concat(Enumerable.Repeat("many value=1 1764496800\n", 50_001));
        using (var r = await WriteAsync(http, key, "/api/v2/write?bucket=b&precision=s", body))
        {
            Assert.Contains("at most 50,000 points", (await r.ReadJsonAsync(HttpStatusCode.RequestEntityTooLarge)).Str("detail"), StringComparison.Ordinal);
        }
        var none = await owner.GetJsonAsync($"{Api(home)}/query?metric=many&from=2025-11-30&to=2025-12-01&bucket=day&agg=count");
        Assert.Empty(Points(none));
        await WriteAsync(http, key, "/api/v2/write?bucket=b&precision=s", string.Concat(Enumerable.Repeat("many value=1 1764496800\n", 1_000))).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Values_beyond_1e100_are_refused_so_rollup_sums_stay_finite(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, home, product, key) = await KeyedProductAsync(host);
        using var http = KeyClient(host);

        var answer = await IngestAsync(http, key, new
        {
            points = new object[]
            {
                new { metric = "big", value = 1e100, timestamp = "2026-11-30T10:00:00Z" },
                new { metric = "big", value = 1e308, timestamp = "2026-11-30T10:00:00Z" },
                new { metric = "big", value = -1e308, timestamp = "2026-11-30T10:00:00Z" },
            },
        }).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, answer["accepted"]!.GetValue<int>());
        Assert.Equal([1, 2], answer["errors"]!.AsArray().Select(e => e!["index"]!.GetValue<int>()));
        Assert.Contains("out of range", answer["errors"]![0]!.Str("message"), StringComparison.Ordinal);

        using (var r = await WriteAsync(http, key, "/api/v2/write?bucket=b&precision=s", "big value=1e308 1764496800\nbig value=1e308 1764496800\n"))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains("out of range", body.Str("message"), StringComparison.Ordinal);
        }
        // A second batch to the same bucket still works, and the sum is the one stored value.
        await IngestAsync(http, key, new { points = new[] { new { metric = "big", value = 1e100, timestamp = "2026-11-30T10:00:10Z" } } }).ExpectAsync(HttpStatusCode.Accepted);
        var sum = await owner.GetJsonAsync($"{Api(home)}/query?metric=big&from=2026-11-30&to=2026-12-01&bucket=day&agg=sum");
        Assert.Equal(2e100, Points(sum).Single().Value);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tag_filter_counts_only_matching_series_and_too_many_series_are_a_400(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, home, product, key) = await KeyedProductAsync(host);
        using var http = KeyClient(host);

        // 1,100 series of noise and 10 targets: more than the 1,000 series a query reads.
        var points = Enumerable.Range(0, 1110).Select(i => new
        {
            metric = "hits", value = 1.0, timestamp = "2026-11-30T10:00:00Z",
            tags = i < 10 ? new Dictionary<string, string> { ["n"] = $"{i}", ["kind"] = "target" } : new Dictionary<string, string> { ["n"] = $"{i}", ["kind"] = "noise\"target" },
        }).ToArray();
        var answer = await IngestAsync(http, key, new { points }).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(1110, answer["accepted"]!.GetValue<int>());

        var api = Api(home);
        var targets = await owner.GetJsonAsync($"{api}/query?metric=hits&from=2026-11-30&to=2026-12-01&bucket=day&agg=sum&where=kind:target");
        Assert.Equal(10, Points(targets).Single().Value);
        var one = await owner.GetJsonAsync($"{api}/query?metric=hits&from=2026-11-30&to=2026-12-01&bucket=day&agg=sum&where=kind:target&where=n:7");
        Assert.Equal(1, Points(one).Single().Value);
        using var r = await owner.GetAsync($"{api}/query?metric=hits&from=2026-11-30&to=2026-12-01&bucket=day&agg=sum");
        var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("narrow", problem["errors"]!["where"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
