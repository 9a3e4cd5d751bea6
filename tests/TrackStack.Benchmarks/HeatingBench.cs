using System.Globalization;
using System.Net.Http.Json;

namespace TrackStack.Benchmarks;

/// <summary>Five years of daily temperatures and weekly refills of a pellet stove, then the heating analysis
/// (fixed base and best-fit base) and summary latency.</summary>
internal static class HeatingBench
{
    public static async Task<(int Days, int Refills)> SeedAsync(BenchHost host)
    {
        var baseUrl = $"/api/households/{host.HouseholdId}/heating";
        var last = ExpensesBench.LastDay;
        var first = last.AddYears(-ExpensesBench.Years).AddDays(1);
        var random = new Random(11);
        var temps = new List<object>();
        var means = new Dictionary<DateOnly, double>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            // A temperate climate: 10 °C mean, ±8 °C seasonal swing (coldest mid-January), daily noise.
            var mean = 10 - (8 * Math.Cos(2 * Math.PI * (d.DayOfYear - 15) / 365.25)) + ((random.NextDouble() - 0.5) * 6);
            means[d] = Math.Round(mean, 1);
            temps.Add(new { date = d, meanC = means[d] });
        }
        using (var r = await host.Client.PutAsJsonAsync($"{baseUrl}/temperatures", temps)) await Measure.EnsureOkAsync(r);

        // Weekly refills sized by a known house: 6 kWh/day baseload + 3.5 kWh per degree day (base 15.5 °C), 72 kWh a bag.
        var refills = 0;
        for (var d = first; d.AddDays(7) <= last; d = d.AddDays(7))
        {
            var kwh = Enumerable.Range(0, 7).Sum(i => 6 + (3.5 * Math.Max(0, 15.5 - means[d.AddDays(i)])));
            using var r = await host.Client.PostAsJsonAsync($"{baseUrl}/refills", new { date = d, quantity = Math.Round(kwh / 72 * 4) / 4 });
            await Measure.EnsureOkAsync(r);
            refills++;
        }
        return (means.Count, refills);
    }

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, int samples)
    {
        var baseUrl = $"/api/households/{host.HouseholdId}/heating";
        var from = ExpensesBench.LastDay.AddYears(-ExpensesBench.Years).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = ExpensesBench.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fixedBase = await Measure.LatencyAsync("GET heating/analysis (5 years, fixed base)", 5, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/analysis?from={from}&to={to}");
            r.EnsureSuccessStatusCode();
        });
        using (var s = await host.Client.GetAsync($"{baseUrl}/settings"))
        {
            var settings = (await s.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
            settings["baseMode"] = "fit";
            using var put = await host.Client.PutAsJsonAsync($"{baseUrl}/settings", settings);
            put.EnsureSuccessStatusCode();
        }
        var fit = await Measure.LatencyAsync("GET heating/analysis (5 years, best-fit base)", 3, Math.Max(20, samples / 4), async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/analysis?from={from}&to={to}");
            r.EnsureSuccessStatusCode();
        });
        var summary = await Measure.LatencyAsync("GET heating/summary", 5, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/summary");
            r.EnsureSuccessStatusCode();
        });
        var analysis = await host.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{baseUrl}/analysis?from={from}&to={to}");
        var model = analysis!["model"]!;
        return
        [
            fixedBase.ToString(),
            fit.ToString(),
            summary.ToString(),
            string.Create(CultureInfo.InvariantCulture,
                $"  fitted: baseload {model["baseloadKwhPerDay"]!.GetValue<double>():F2} kWh/day (true 6), {model["kwhPerDegreeDay"]!.GetValue<double>():F2} kWh/degree day (true 3.5), R² {model["rSquared"]!.GetValue<double>():F3}, base {model["baseTemperatureC"]!.GetValue<double>():F1} °C"),
        ];
    }
}
