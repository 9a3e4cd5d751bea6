using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrackStack.Benchmarks;

/// <summary>A six-widget report (four charts, a number, a table over a month of hourly points in two rooms), built
/// and e-mailed through a real SMTP server by "send now", against the browser preview of the same report (built and
/// drawn, not sent) and against a bare authenticated read of the same run.</summary>
internal static partial class ReportsBench
{
    private const string Owner = "bench@example.org";
    private static readonly string[] Rooms = ["kitchen", "office"];

    [GeneratedRegex(@"verify-email\?token=(\S+)")]
    private static partial Regex VerifyLink();

    /// <summary>On PostgreSQL in a scratch database of its own (the other benchmarks' host signs up the same account).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string provider, string? server, int samples)
    {
        await using var smtp = await BenchSmtp.StartAsync();
        if (smtp is null) return ["(report e-mails skipped: python3-aiosmtpd is not installed)"];
        var database = provider == "postgres" ? await PostgresScratch.CreateAsync(server!) : null;
        try
        {
            return await MeasureAsync(provider, database, smtp, samples);
        }
        finally
        {
            if (database is not null) await PostgresScratch.DropAsync(server!, database);
        }
    }

    private static async Task<IReadOnlyList<string>> MeasureAsync(string provider, string? connectionString, BenchSmtp smtp, int samples)
    {
        await using var host = await BenchHost.StartAsync(provider, connectionString,
            [$"--TrackStack:Smtp:Host=127.0.0.1", $"--TrackStack:Smtp:Port={smtp.Port}", "--TrackStack:Smtp:StartTls=false", "--TrackStack:Reports:PollSeconds=3600"],
            async () => Uri.UnescapeDataString(VerifyLink().Match(await smtp.WaitForBodyAsync(Owner, "Confirm your")).Groups[1].Value));
        var schedule = await SeedAsync(host);
        var api = $"/api/households/{host.HouseholdId}/reports/schedules/{schedule}";
        var n = Math.Clamp(samples / 10, 5, 30);

        var bare = await Measure.LatencyAsync("baseline: GET /api/me (authenticated)", 5, n * 4, async () =>
        {
            using var r = await host.Client.GetAsync("/api/me");
            await Measure.EnsureOkAsync(r);
        });
        var preview = await Measure.LatencyAsync("report preview: 6 widgets built + 4 charts drawn", 2, n, async () =>
        {
            using var r = await host.Client.GetAsync($"{api}/preview");
            await Measure.EnsureOkAsync(r);
        });
        var before = smtp.Count;
        var send = await Measure.LatencyAsync("send now: the same, as MIME, through SMTP", 2, n, async () =>
        {
            using var r = await host.Client.PostAsync($"{api}/send", null);
            await Measure.EnsureOkAsync(r);
            var run = (await r.Content.ReadFromJsonAsync<JsonNode>())!;
            if (run["status"]!.GetValue<string>() != "sent") throw new InvalidOperationException($"The report was not sent: {run["answer"]}");
        });
        var delivered = smtp.Count - before;
        return
        [
            bare.ToString(),
            preview.ToString(),
            send.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"  send now / preview = {send.P50 / preview.P50:F2}x (what SMTP and MIME add); preview / bare read = {preview.P50 / bare.P50:F0}x; {delivered} e-mails received"),
        ];
    }

    /// <summary>A month and a week of hourly points in two rooms, a dashboard of six widgets, a monthly schedule.</summary>
    private static async Task<Guid> SeedAsync(BenchHost host)
    {
        var keyed = await MetricsBench.ProductAsync(host);
        using var http = new HttpClient { BaseAddress = host.Client.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", keyed.Key);
        var start = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1).AddDays(-7);
        var clock = Stopwatch.StartNew();
        var points = Enumerable.Range(0, 38 * 24).SelectMany(h => Rooms.Select(room => new
        {
            metric = "power.kwh",
            value = room == "kitchen" ? 1 + h % 24 / 10.0 : 0.5 + h % 7 / 20.0,
            timestamp = start.AddHours(h).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            tags = new { room },
        })).ToArray();
        using (var r = await http.PostAsJsonAsync("/api/ingest", new { points })) await Measure.EnsureOkAsync(r);

        var dashboards = $"/api/households/{host.HouseholdId}/dashboards";
        using var created = await host.Client.PostAsJsonAsync(dashboards, new { name = "Energy" });
        await Measure.EnsureOkAsync(created);
        var dashboard = (await created.Content.ReadFromJsonAsync<JsonNode>())!;
        var id = dashboard["id"]!.GetValue<string>();
        object W(string kind, string title, string? groupBy = null, string bucket = "day") =>
            new { kind, title, width = 2, query = new { metric = "power.kwh", agg = "sum", bucket, range = "last-30-days", groupBy } };
        using (var r = await host.Client.PutAsJsonAsync($"{dashboards}/{id}", new
        {
            name = "Energy",
            version = dashboard["version"]!.GetValue<long>(),
            widgets = new[]
            {
                W("line", "Power per day"), W("bar", "Power by room", "room"), W("area", "Power per hour", bucket: "hour"),
                W("line", "Rooms per day", "room"), W("number", "Power this month"), W("table", "Rooms", "room"),
            },
        }))
        {
            await Measure.EnsureOkAsync(r);
        }
        using var schedule = await host.Client.PostAsJsonAsync($"/api/households/{host.HouseholdId}/reports/schedules", new
        {
            name = "Monthly energy", dashboardId = id, frequency = "monthly", dayOfMonth = 1, sendAt = "08:00",
        });
        await Measure.EnsureOkAsync(schedule);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {points.Length:N0} hourly points and a six-widget dashboard in {clock.Elapsed.TotalSeconds:F1} s"));
        return Guid.Parse((await schedule.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>());
    }
}
