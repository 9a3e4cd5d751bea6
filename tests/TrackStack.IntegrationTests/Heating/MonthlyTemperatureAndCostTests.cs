using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>The monthly chart's months carry the mean temperature and, once purchases have prices, the cost of the use.</summary>
public sealed class MonthlyTemperatureAndCostTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Months_carry_their_mean_temperature_and_the_cost_of_their_use(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new PinnedClock();
        await using var host = await TestHost.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var (owner, _) = await Accounts.RegisterAsync(host, "monthly@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        clock.Pin(new DateTimeOffset(2026, 1, 20, 12, 0, 0, TimeSpan.Zero));

        // December at 5 °C, January (to the 19th) at 1 °C.
        var days = Enumerable.Range(0, 50).Select(i => new DateOnly(2025, 12, 1).AddDays(i))
            .Select(d => new { date = d.ToString("yyyy-MM-dd"), meanC = d.Month == 12 ? 5.0 : 1.0 }).ToArray();
        using (var r = await owner.PutAsync($"{api}/temperatures", days)) await r.ExpectAsync(HttpStatusCode.OK);
        foreach (var (date, bags) in new[] { ("2025-11-20", 10), ("2025-12-10", 12), ("2026-01-05", 14) })
        {
            using var r = await owner.PostAsync($"{api}/refills", new { date, quantity = bags });
            await r.ExpectAsync(HttpStatusCode.Created);
        }

        var a = await owner.GetJsonAsync($"{api}/analysis");
        Assert.Null(a["pricePerUnitCents"]);
        Assert.All(Months(a), m => Assert.Null(m["costCents"]));
        Assert.True(Month(a, "2025-12")["meanTemperatureC"] is not null, Month(a, "2025-12").ToJsonString());
        Assert.Equal(5.0, Month(a, "2025-12")["meanTemperatureC"]!.GetValue<double>());
        Assert.Equal(1.0, Month(a, "2026-01")["meanTemperatureC"]!.GetValue<double>());
        Assert.Null(Month(a, "2025-10")["meanTemperatureC"]); // no temperatures
        Assert.Null(Month(a, "2026-03")["meanTemperatureC"]); // not started

        // 100 bags for 400 € and 50 bags without a price: 4 € a bag.
        using (var r = await owner.PostAsync($"{api}/purchases", new { date = "2025-11-01", quantity = 100, unit = "bag", totalPriceCents = 40_000L })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await owner.PostAsync($"{api}/purchases", new { date = "2025-11-02", quantity = 50, unit = "bag" })) await r.ExpectAsync(HttpStatusCode.Created);
        a = await owner.GetJsonAsync($"{api}/analysis");
        Assert.Equal(400, a["pricePerUnitCents"]!.GetValue<long>());
        var used = Months(a).Where(m => m["units"] is { } u && u.GetValue<double>() > 0).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, m => Assert.Equal((long)Math.Round(m["units"]!.GetValue<double>() * 400, MidpointRounding.AwayFromZero), m["costCents"]!.GetValue<long>()));
        Assert.Null(Month(a, "2026-03")["costCents"]);
    }

    private static List<JsonNode> Months(JsonNode a) => a["monthly"]!.AsArray().Select(m => m!).ToList();

    private static JsonNode Month(JsonNode a, string month) => Months(a).Single(m => m.Str("month") == month);
}
