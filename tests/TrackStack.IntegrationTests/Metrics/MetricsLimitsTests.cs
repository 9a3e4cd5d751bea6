using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

/// <summary>Inputs at the edges of what the metrics API accepts: each is a clear 4xx, never a 500 or a wrong answer.</summary>
public sealed class MetricsLimitsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Values_beyond_1e100_are_refused_so_rollup_sums_stay_finite(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Shop");
        var product = await ProductAsync(owner, home);
        var (_, key) = await KeyAsync(owner, home, product);
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
}
