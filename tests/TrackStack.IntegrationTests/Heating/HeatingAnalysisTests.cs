using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>A house with a known energy signature (5 kWh/day baseload + 3 kWh per degree day at 15.5 °C, 72 kWh per
/// bag), seeded through the API: the analysis must find it, and the summary must agree with the analysis.</summary>
public sealed class HeatingAnalysisTests
{
    private const double Baseload = 5, Slope = 3, BaseC = 15.5, KwhPerBag = 72;
    private static readonly int[] Gaps = [7, 6, 8];

    /// <summary>A smooth year: about 0 °C in late January, 18 °C in July.</summary>
    private static double MeanC(DateOnly d) => Math.Round(9 - (9 * Math.Cos(2 * Math.PI * (d.DayOfYear - 20) / 365.25)), 1);

    private static double D(JsonNode? node) => node!.GetValue<double>();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_analysis_recovers_a_known_house_and_the_summary_agrees(string provider)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var gap = today.AddDays(-100);
        var temps = Enumerable.Range(1, 360).Select(i => today.AddDays(-i)).Where(d => d != gap).ToDictionary(d => d, MeanC);

        var refills = new List<(DateOnly Date, double Bags, bool Covered)>();
        var start = today.AddDays(-500);
        for (var k = 0; ; k++)
        {
            var end = start.AddDays(Gaps[k % Gaps.Length]);
            if (end > today.AddDays(-2)) break;
            var days = end.DayNumber - start.DayNumber;
            var covered = Enumerable.Range(0, days).All(i => temps.ContainsKey(start.AddDays(i)));
            var hdd = covered ? Enumerable.Range(0, days).Sum(i => Math.Max(0, BaseC - temps[start.AddDays(i)])) : 0;
            refills.Add((start, covered ? ((Baseload * days) + (Slope * hdd)) / KwhPerBag : 2.0, covered));
            start = end;
        }
        refills.Add((start, 2.5, false)); // still burning
        var closed = refills.Count - 1;
        var included = refills.Take(closed).Count(r => r.Covered);

        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HomeAsync(owner, "Home");
        var api = Api(home);

        using (var r = await owner.PutAsync($"{api}/temperatures", temps.Select(t => new { date = t.Key, meanC = t.Value }).ToArray()))
        {
            Assert.Equal(359, (await r.ReadJsonAsync(HttpStatusCode.OK))["inserted"]!.GetValue<int>());
        }
        foreach (var (date, bags, _) in refills)
        {
            using var r = await owner.PostAsync($"{api}/refills", new { date, quantity = bags });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        var bought = refills.Sum(r => r.Bags) + 10;
        using (var r = await owner.PostAsync($"{api}/purchases", new { date = today.AddDays(-510), quantity = bought, totalPriceCents = 120_000L }))
        {
            await r.ExpectAsync(HttpStatusCode.Created);
        }

        var a = await owner.GetJsonAsync($"{api}/analysis");
        var model = a["model"]!;
        Assert.Equal("baseloadAndHdd", model.Str("kind"));
        Assert.Equal(included, model["periods"]!.GetValue<int>());
        Assert.Equal(Baseload, D(model["baseloadKwhPerDay"]), 0.001);
        Assert.Equal(Slope, D(model["kwhPerDegreeDay"]), 0.001);
        Assert.Equal(Math.Round(Slope / KwhPerBag, 5), D(model["unitsPerDegreeDay"]), 1e-9);
        Assert.Equal(1.0, D(model["rSquared"]));
        Assert.Equal(0.0, D(model["cvRmsePct"]));
        Assert.Equal(BaseC, D(a["baseTemperatureC"]));

        var intervals = a["intervals"]!.AsArray();
        Assert.Equal(closed, intervals.Count);
        Assert.Equal(included, intervals.Count(i => i!["included"]!.GetValue<bool>()));
        Assert.DoesNotContain(intervals, i => i!["flagged"]!.GetValue<bool>());
        var withGap = Assert.Single(intervals, i => i.Str("start") is var s && DateOnly.Parse(s) <= gap && DateOnly.Parse(i.Str("end")) > gap);
        Assert.False(withGap!["included"]!.GetValue<bool>());
        Assert.Equal(1, withGap["missingTemperatureDays"]!.GetValue<int>());
        Assert.Null(withGap["degreeDays"]);

        // Coverage over [first refill, today]: 501 days, of which 359 have a temperature.
        Assert.Equal((359, 142), (a["temperatures"]!["days"]!.GetValue<int>(), a["temperatures"]!["missingDays"]!.GetValue<int>()));

        // Normal year: no complete calendar year, so the last 365 days (359 present) scaled to 365.
        var normalHdd = temps.Where(t => t.Key >= today.AddDays(-365)).Sum(t => Math.Max(0, BaseC - t.Value)) * 365 / 359;
        var normal = a["normalYear"]!;
        Assert.Equal(("last365Days", 359), (normal.Str("basis"), normal["coverageDays"]!.GetValue<int>()));
        Assert.Equal(normalHdd, D(normal["degreeDays"]), 0.051);
        Assert.Equal((Baseload * 365) + (Slope * normalHdd), D(normal["energyKwh"]), 1.0);

        // Season so far against the same days of last season, counted in bags put in.
        var seasonStart = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        var elapsed = today.DayNumber - seasonStart.DayNumber;
        var lastStart = seasonStart.AddYears(-1);
        var thisBags = refills.Where(r => r.Date >= seasonStart && r.Date <= today).Sum(r => r.Bags);
        var lastBags = refills.Where(r => r.Date >= lastStart && r.Date <= lastStart.AddDays(elapsed)).Sum(r => r.Bags);
        var season = a["season"]!;
        Assert.Equal(seasonStart.ToString("yyyy-MM-dd"), season.Str("start"));
        Assert.Equal(thisBags, D(season["units"]), 0.001);
        Assert.Equal(lastBags, D(season["lastUnits"]), 0.001);
        Assert.Equal(thisBags * KwhPerBag, D(season["kwh"]), 0.1);
        Assert.Equal(thisBags, a["monthly"]!.AsArray().Sum(m => m!["units"] is { } u ? D(u) : 0), 0.01);
        Assert.Equal(12, a["monthly"]!.AsArray().Count);

        var lastRefill = refills[^1].Date;
        Assert.Equal(lastRefill.ToString("yyyy-MM-dd"), a.Str("lastRefillDate"));
        Assert.Equal(today.DayNumber - lastRefill.DayNumber, a["daysSinceLastRefill"]!.GetValue<int>());

        var stock = a["stock"]!;
        Assert.Equal(10, D(stock["onHandUnits"]), 0.001);
        Assert.Equal("degreeDays", stock.Str("forecastMethod"));
        var daysLeft = stock["daysLeft"]!.GetValue<int>();
        Assert.True(daysLeft > 0);
        Assert.Equal(today.AddDays(daysLeft).ToString("yyyy-MM-dd"), stock.Str("runOutDate"));

        var summary = await owner.GetJsonAsync($"{api}/summary");
        Assert.Equal(("woodPellets", "bag"), (summary.Str("fuel"), summary.Str("unit")));
        Assert.Equal(D(season["units"]), D(summary["seasonToDate"]!["units"]));
        Assert.Equal(D(season["lastUnits"]), D(summary["lastSeasonSameDate"]!["units"]));
        Assert.Equal(D(season["deltaUnits"]), D(summary["deltaUnits"]));
        Assert.Equal(10, D(summary["stockOnHand"]), 0.001);
        Assert.Equal(daysLeft, summary["daysOfStockLeft"]!.GetValue<int>());
        Assert.Equal(stock.Str("runOutDate"), summary.Str("runOutDate"));
        Assert.Equal(a["daysSinceLastRefill"]!.GetValue<int>(), summary["daysSinceLastRefill"]!.GetValue<int>());
        Assert.Equal(Slope, D(summary["kwhPerDegreeDay"]), 0.001);

        // With the base temperature fitted, the base that generated the data wins.
        using (var r = await owner.PutAsync($"{api}/settings", new { fuel = "woodPellets", baseMode = "fit" })) await r.ExpectAsync(HttpStatusCode.OK);
        var fitted = await owner.GetJsonAsync($"{api}/analysis");
        Assert.Equal(BaseC, D(fitted["baseTemperatureC"]));
        var scan = fitted["baseFit"]!.AsArray();
        Assert.Equal(21, scan.Count);
        Assert.Equal((10.0, 20.0), (D(scan[0]!["baseTemperatureC"]), D(scan[20]!["baseTemperatureC"])));
        Assert.All(scan, p => Assert.True(D(p!["rSquared"]) <= 1.0));
        Assert.True(scan.Where(p => D(p!["baseTemperatureC"]) is 12.0 or 19.0).All(p => D(p!["rSquared"]) < 0.999));

        // A date range narrows the periods used.
        var narrow = await owner.GetJsonAsync($"{api}/analysis?from={today.AddDays(-60):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.True(narrow["intervals"]!.AsArray().Count < 10);
        using (var r = await owner.GetAsync($"{api}/analysis?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}")) await r.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_household_has_a_calm_summary()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HomeAsync(owner, "Home");
        var summary = await owner.GetJsonAsync($"{Api(home)}/summary");
        Assert.Equal(0, D(summary["seasonToDate"]!["units"]));
        Assert.Null(summary["daysSinceLastRefill"]);
        Assert.Null(summary["runOutDate"]);
        Assert.Null(summary["daysOfStockLeft"]);
        Assert.Null(summary["deltaPct"]);
        var analysis = await owner.GetJsonAsync($"{Api(home)}/analysis");
        Assert.Null(analysis["model"]);
        Assert.Contains("at least 3", analysis.Str("modelNote"));
    }
}
