using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Metrics.Domain;
using TrackStack.Metrics.Features.PurgeExpiredPoints;
using TrackStack.Metrics.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

public sealed class IngestAndQueryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Json_ingest_stores_good_points_names_bad_ones_by_index_and_a_retried_batch_is_a_no_op(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, home, product, key) = await KeyedProductAsync(host);
        using var http = KeyClient(host);

        var batch = new
        {
            points = new object?[]
            {
                new { metric = "signups", value = 1, timestamp = "2026-11-30T10:00:00Z", tags = new { plan = "pro" } },
                new { metric = "signups", value = 2, timestamp = "2026-11-30T10:00:30+00:00", tags = new { plan = "free" } },
                new { metric = "bad name", value = 1 },
                new { metric = "signups", value = (double?)null },
                new { metric = "signups", value = 1, timestamp = "2026-11-30T10:00:00" },
                new { metric = "signups", value = 1, tags = new Dictionary<string, string> { ["bad key"] = "x" } },
                null,
                new { metric = "signups", value = 4, timestamp = "2026-11-30T11:15:00Z", tags = new { plan = "pro" } },
            },
        };
        var answer = await IngestAsync(http, key, batch, idempotencyKey: "batch-1").ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(3, answer["accepted"]!.GetValue<int>());
        Assert.Equal([2, 3, 4, 5, 6], answer["errors"]!.AsArray().Select(e => e!["index"]!.GetValue<int>()));
        Assert.Contains("metric name", answer["errors"]![0]!.Str("message"), StringComparison.Ordinal);

        // The retry answers the same and stores nothing more.
        var again = await IngestAsync(http, key, batch, idempotencyKey: "batch-1").ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(answer.ToJsonString(), again.ToJsonString());
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var metrics = scope.ServiceProvider.GetRequiredService<MetricsDb>();
            Assert.Equal(3, await metrics.Points.CountAsync());
            Assert.Equal(2, await metrics.Series.CountAsync());
            var minute = await metrics.Rollups.Where(r => r.Resolution == Resolution.Minute).OrderBy(r => r.BucketStart).ToListAsync();
            Assert.Equal(3, minute.Count); // pro 10:00, free 10:00, pro 11:15
        }

        var api = Api(home);
        var sum = await owner.GetJsonAsync($"{api}/query?metric=signups&from=2026-11-30&to=2026-12-01&bucket=hour&agg=sum");
        Assert.Equal([("2026-11-30T10:00:00+00:00", 3.0), ("2026-11-30T11:00:00+00:00", 4.0)], Points(sum));
        var byPlan = await owner.GetJsonAsync($"{api}/query?metric=signups&from=2026-11-30&to=2026-12-01&bucket=day&agg=max&groupBy=plan");
        Assert.Equal([("2026-11-30T00:00:00+00:00", 4.0)], Points(byPlan, "pro"));
        Assert.Equal([("2026-11-30T00:00:00+00:00", 2.0)], Points(byPlan, "free"));
        var pro = await owner.GetJsonAsync($"{api}/query?metric=signups&from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z&bucket=day&agg=last&where=plan:pro");
        Assert.Equal([("2026-11-30T00:00:00+00:00", 4.0)], Points(pro));
        var avg = await owner.GetJsonAsync($"{api}/query?metric=signups&from=2026-11-30&to=2026-12-01&bucket=day&agg=avg");
        Assert.Equal(7.0 / 3, Points(avg).Single().Value, 9);

        var names = (await owner.GetJsonAsync($"{api}/metrics")).AsArray();
        Assert.Equal(("signups", 2), (names.Single()!.Str("metric"), names.Single()!["series"]!.GetValue<int>()));
        var tags = (await owner.GetJsonAsync($"{api}/tags?metric=signups")).AsArray();
        Assert.Equal(["free", "pro"], tags.Single()!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        using (var r = await owner.GetAsync($"{api}/tags?metric=bad%20name")) await r.ExpectAsync(HttpStatusCode.BadRequest);

        // Whole-batch refusals.
        var tooMany = new { points = Enumerable.Range(0, 10_001).Select(i => new { metric = "m", value = i }).ToArray() };
        await IngestAsync(http, key, tooMany).ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Headers = { { "X-Api-Key", key } },
            Content = new StringContent("{\"points\": [", Encoding.UTF8, "application/json"),
        }))
        {
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }
        await IngestAsync(http, key, new { points = new[] { new { metric = "m", value = "1" } } }).ExpectAsync(HttpStatusCode.BadRequest);
        await IngestAsync(http, key, new { nothing = 1 }).ExpectAsync(HttpStatusCode.BadRequest);
        await IngestAsync(http, key, new { points = Array.Empty<object>() }, idempotencyKey: new string('k', 201)).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Line_protocol_writes_as_influxdb_answers_and_maps_fields_to_metrics(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Metrics:MaxIngestBytes"] = "4096" });
        var (owner, home, product, key) = await KeyedProductAsync(host, "Home", "Sensors");
        using var http = KeyClient(host);
        var api = Api(home);

        var telegraf = Encoding.UTF8.GetString(Fixtures.Bytes("metrics/telegraf_openweathermap_weather.expected.out"));
        await WriteAsync(http, key, "/api/v2/write?org=home&bucket=sensors&precision=ns", telegraf).ExpectAsync(HttpStatusCode.NoContent);
        var temperature = await owner.GetJsonAsync($"{api}/query?metric=weather.temperature&from=2019-04-28&to=2019-04-29&bucket=day&agg=max&groupBy=city");
        Assert.Equal(9.57, Points(temperature, "Moscow").Single().Value);
        Assert.Equal(8.94, Points(temperature, "London").Single().Value);
        var humidity = await owner.GetJsonAsync($"{api}/query?metric=weather.humidity&from=2019-04-28&to=2019-04-29&bucket=day&agg=sum");
        Assert.Equal(46 + 63 + 90, Points(humidity).Single().Value);
        var metricNames = (await owner.GetJsonAsync($"{api}/metrics")).AsArray().Select(m => m!.Str("metric")).ToList();
        Assert.DoesNotContain("weather.condition_description", metricNames); // strings are not stored

        // A field named value is the measurement; booleans are 1 and 0; 1.x endpoint with seconds.
        await WriteAsync(http, key, "/write?db=home&precision=s", "# boiler\nboiler,room=cellar value=55.5,on=true 1764500000\n\nboiler,room=cellar value=54.5,on=f 1764500060\n", "Token")
            .ExpectAsync(HttpStatusCode.NoContent);
        var boiler = await owner.GetJsonAsync($"{api}/query?metric=boiler&from=2025-11-30&to=2025-12-01&bucket=day&agg=avg&where=room:cellar");
        Assert.Equal(55.0, Points(boiler).Single().Value);
        var on = await owner.GetJsonAsync($"{api}/query?metric=boiler.on&from=2025-11-30&to=2025-12-01&bucket=day&agg=sum");
        Assert.Equal(1.0, Points(on).Single().Value);

        // The first bad line is named; the good lines are still written.
        using (var r = await WriteAsync(http, key, "/api/v2/write?bucket=b&precision=ms", "door opened=1i 1764500000000\ndoor opened=\n door opened=2i 1764500060000\ndoor note=\"only a string\" 1764500120000\n"))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.StartsWith("line 2:", problem.Str("message"), StringComparison.Ordinal);
            Assert.Equal("invalid", problem.Str("code"));
            Assert.Equal(2, problem["line"]!.GetValue<int>());
            Assert.Contains("2 lines", problem.Str("detail"), StringComparison.Ordinal);
        }
        var door = await owner.GetJsonAsync($"{api}/query?metric=door.opened&from=2025-11-30&to=2025-12-01&bucket=day&agg=sum");
        Assert.Equal(3.0, Points(door).Single().Value);

        using (var r = await WriteAsync(http, key, "/api/v2/write?bucket=b", "door note=\"only a string\""))
        {
            Assert.Contains("string fields are not stored", (await r.ReadJsonAsync(HttpStatusCode.BadRequest)).Str("detail"), StringComparison.Ordinal);
        }
        await WriteAsync(http, key, "/api/v2/write?bucket=b", "bad\\ name value=1").ExpectAsync(HttpStatusCode.BadRequest);
        await WriteAsync(http, key, "/api/v2/write?precision=s", "m value=1").ExpectAsync(HttpStatusCode.BadRequest);
        await WriteAsync(http, key, "/api/v2/write?bucket=b&precision=h", "m value=1").ExpectAsync(HttpStatusCode.BadRequest);
        await WriteAsync(http, key, "/api/v2/write?bucket=b&precision=s", "m value=1 -5").ExpectAsync(HttpStatusCode.BadRequest);
        await WriteAsync(http, key, "/api/v2/write?bucket=b", string.Concat(Enumerable.Repeat("m value=1\n", 500))).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        await IngestAsync(http, key, new { points = Enumerable.Range(0, 200).Select(i => new { metric = "m", value = i }).ToArray() }).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        await WriteAsync(http, null, "/api/v2/write?bucket=b", "m value=1").ExpectAsync(HttpStatusCode.Unauthorized);
        await WriteAsync(http, key, "/write?db=x", "m value=1", "Bearer").ExpectAsync(HttpStatusCode.NoContent);
        await WriteAsync(http, key, "/api/v2/write?bucket=b", "").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Day_buckets_are_local_days_across_a_dst_change(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (mallory, _) = await Accounts.RegisterAsync(host, "mallory@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        await Accounts.JoinAsync(owner, home, viewer, "viewer@example.org", "viewer");
        using (var r = await owner.PutAsync($"/api/households/{home}", new { name = "Home", timeZone = "Europe/Brussels", currency = "EUR", locale = "fr-BE" })) await r.ExpectAsync(HttpStatusCode.OK);
        var product = await ProductAsync(owner, home);
        var (_, key) = await KeyAsync(owner, home, product, "ingest", "read");
        using var http = KeyClient(host);

        // One point an hour from local midnight of Sunday 29 March 2026 (23:00 UTC the day before) for 26 hours:
        // the local day has 23 hours (02:00 CET jumps to 03:00 CEST), so 23 land on the 29th and 3 on the 30th.
        var start = new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc);
        var points = Enumerable.Range(0, 26).Select(h => new { metric = "energy", value = 1.0, timestamp = start.AddHours(h).ToString("yyyy-MM-ddTHH:mm:ssZ") }).ToArray();
        Assert.Equal(26, (await IngestAsync(http, key, new { points }).ReadAsync(HttpStatusCode.Accepted))["accepted"]!.GetValue<int>());

        var api = Api(home);
        var days = await viewer.GetJsonAsync($"{api}/query?metric=energy&from=2026-03-29&to=2026-03-31&bucket=day&agg=count");
        Assert.Equal("Europe/Brussels", days.Str("timeZone"));
        Assert.Equal([("2026-03-29T00:00:00+01:00", 23.0), ("2026-03-30T00:00:00+02:00", 3.0)], Points(days));
        var hours = await viewer.GetJsonAsync($"{api}/query?metric=energy&from=2026-03-29T00:00:00%2B01:00&to=2026-03-29T04:00:00%2B02:00&bucket=hour&agg=sum");
        Assert.Equal(["2026-03-29T00:00:00+01:00", "2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00"], Points(hours).Select(p => p.Start));
        var week = await viewer.GetJsonAsync($"{api}/query?metric=energy&from=2026-03-23&to=2026-04-06&bucket=week&agg=sum");
        Assert.Equal([("2026-03-23T00:00:00+01:00", 23.0), ("2026-03-30T00:00:00+02:00", 3.0)], Points(week));
        var month = await viewer.GetJsonAsync($"{api}/query?metric=energy&from=2026-03-01&to=2026-05-01&bucket=month&agg=sum");
        Assert.Equal([("2026-03-01T00:00:00+01:00", 26.0)], Points(month));

        // The key reads the same in the household's zone once the Households events have reached the module.
        var until = DateTime.UtcNow.AddSeconds(10);
        System.Text.Json.Nodes.JsonNode keyed;
        do
        {
            keyed = await KeyGetAsync(http, key, "/api/metrics/query?metric=energy&from=2026-03-29&to=2026-03-31&bucket=day&agg=count").ReadAsync(HttpStatusCode.OK);
            if (keyed.Str("timeZone") == "Europe/Brussels" || DateTime.UtcNow > until) break;
            await Task.Delay(100);
        } while (true);
        Assert.Equal([("2026-03-29T00:00:00+01:00", 23.0), ("2026-03-30T00:00:00+02:00", 3.0)], Points(keyed));

        foreach (var bad in new[]
                 {
                     "metric=energy&from=2026-03-29&to=2026-03-31&bucket=year",
                     "metric=energy&from=2026-03-29&to=2026-03-31&agg=median",
                     "metric=energy&to=2026-03-31",
                     "metric=energy&from=2026-03-31&to=2026-03-29",
                     "metric=energy&from=2026-03-29T00:00:00&to=2026-03-31",
                     "metric=energy&from=2000-01-01&to=2026-01-01&bucket=minute",
                     "metric=bad%20name&from=2026-03-29&to=2026-03-31",
                     "from=2026-03-29&to=2026-03-31",
                     "metric=energy&from=2026-03-29&to=2026-03-31&where=nocolon",
                     "metric=energy&from=2026-03-29&to=2026-03-31&groupBy=bad%20key",
                     "metric=energy&from=2026-03-29&to=2026-03-31&bucket=1",
                     "metric=energy&from=0001-01-01&to=2026-03-31&bucket=month",
                     "metric=energy&from=2026-03-29&to=9999-12-31&bucket=month",
                     "metric=energy&from=0001-01-01T00:00:00Z&to=2026-03-31&bucket=month",
                     "metric=energy&from=2026-03-29&to=9999-12-31T23:59:59Z&bucket=month",
                 })
        {
            using var r = await viewer.GetAsync($"{api}/query?{bad}");
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }
        using (var r = await mallory.GetAsync($"{api}/query?metric=energy&from=2026-03-29&to=2026-03-31")) await r.ExpectAsync(HttpStatusCode.NotFound);
        var theirs = await Accounts.CreateHouseholdAsync(mallory, "Mallory's");
        Assert.Empty(Points(await mallory.GetJsonAsync($"{Api(theirs)}/query?metric=energy&from=2026-03-29&to=2026-03-31&product={product}")));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Raw_points_past_the_product_retention_are_purged_and_rollups_stay(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var kept = await ProductAsync(owner, home, "Kept");
        var shortLived = await ProductAsync(owner, home, "Short");
        using (var r = await owner.PutAsync($"{Api(home)}/products/{shortLived}", new { name = "Short", retentionDays = 2 })) await r.ExpectAsync(HttpStatusCode.OK);
        using var http = KeyClient(host);
        var old = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var batch = new { points = new object[] { new { metric = "m", value = 5, timestamp = old }, new { metric = "m", value = 7 } } };
        foreach (var product in new[] { kept, shortLived })
        {
            var (_, key) = await KeyAsync(owner, home, product);
            await IngestAsync(http, key, batch).ExpectAsync(HttpStatusCode.Accepted);
        }

        Assert.Equal(1, await host.Services.GetRequiredService<PurgeExpiredPoints>().PurgeAllAsync(CancellationToken.None));
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
            var metrics = scope.ServiceProvider.GetRequiredService<MetricsDb>();
            Assert.Equal(2, await metrics.Points.CountAsync(p => p.ProductId == kept));
            Assert.Equal(7, (await metrics.Points.SingleAsync(p => p.ProductId == shortLived)).Value);
        }
        var from = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var total = await owner.GetJsonAsync($"{Api(home)}/query?metric=m&from={from}&to={to}&bucket=month&agg=sum&product={shortLived}");
        Assert.Equal(12, Points(total).Sum(p => p.Value));
    }
}
