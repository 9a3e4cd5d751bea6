using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Monitoring;

/// <summary>The monitoring configuration in deploy/observability against real tools: promtool checks and unit tests
/// the rules, and a real Prometheus scraping a running host answers every PromQL expression of the dashboards and
/// alerts with at least one series.</summary>
[Collection(MonitoringCollection.Name)]
public sealed partial class PrometheusQueryTests
{
    private const string Token = "prometheus-scrape-token-0123456789";
    private static string Observability => Path.Combine(Fixtures.RepositoryRoot(), "deploy", "observability");

    [Theory]
    [InlineData("check", "config", "prometheus.yml")]
    [InlineData("check", "rules", "rules.yml")]
    [InlineData("test", "rules", "rules_test.yml")]
    public async Task Promtool_accepts_the_configuration_and_every_alert_passes_its_unit_tests(string verb, string what, string file)
    {
        PrometheusServer.RequireTool("/usr/bin/promtool", "prometheus");
        var (code, output) = await RunAsync("/usr/bin/promtool", verb, what, file);
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public async Task Amtool_accepts_the_alertmanager_example()
    {
        PrometheusServer.RequireTool("/usr/bin/amtool", "prometheus-alertmanager");
        var (code, output) = await RunAsync("/usr/bin/amtool", "check-config", "alertmanager.yml");
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Every_dashboard_and_alert_expression_returns_series_from_a_live_scrape()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?>
        {
            ["Monitoring:MetricsOnMainPort"] = "true",
            ["Monitoring:MetricsToken"] = Token,
        });
        await using var prometheus = await PrometheusServer.StartAsync(host.BaseAddress, Token, Path.Combine(Observability, "rules.yml"));

        // Traffic for every panel: reads, a failed sign-in, events between modules, JSON and line-protocol ingest
        // with a refused point.
        var (owner, home, _, key) = await KeyedProductAsync(host);
        using (var r = await owner.GetAsync("/api/me")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await owner.GetAsync($"/api/households/{home}/expenses/settings")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using (var r = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "owner@example.org", password = "wrong password" })) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using var keyed = KeyClient(host);
        using (var r = await IngestAsync(keyed, key, new { points = new object[] { new { metric = "visits", value = 1 }, new { metric = "bad name!", value = 1 } } }))
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        using (var r = await WriteAsync(keyed, key, "/api/v2/write?bucket=home&precision=s", "room,name=kitchen temp=21.5\n")) Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);

        var expressions = DashboardExpressions().Select(e => ("dashboard", e.Title, e.Expr)).ToList();
        var rules = (await prometheus.GetJsonAsync("/api/v1/rules"))["data"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).ToList();
        Assert.Equal(7, rules.Count);
        expressions.AddRange(rules.Select(r => ("alert", r!["name"]!.GetValue<string>(), LeftOfComparison(r["query"]!.GetValue<string>()))));

        // Every expression must parse, and return a series once a few scrapes have seen the traffic.
        var missing = new List<string>();
        foreach (var (kind, title, expr) in expressions)
        {
            // Each expression gets its own time: on a loaded machine the first ones may use up a shared one.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var (status, body) = await prometheus.QueryAsync(expr);
                Assert.True(status == HttpStatusCode.OK, $"{kind} '{title}' does not parse: {body["error"]} — {expr}");
                if (body["data"]!["result"]!.AsArray().Count > 0) break;
                if (DateTime.UtcNow > deadline) { missing.Add($"{kind} '{title}': {expr}"); break; }
                await Task.Delay(500);
            }
        }
        Assert.True(missing.Count == 0, "no series for:\n" + string.Join('\n', missing));
        // Prometheus evaluated every rule without an error.
        var unhealthy = (await prometheus.GetJsonAsync("/api/v1/rules"))["data"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray())
            .Where(r => r!["health"]?.GetValue<string>() is not ("ok" or "unknown")).Select(r => $"{r!["name"]}: {r["lastError"]}").ToList();
        Assert.True(unhealthy.Count == 0, string.Join('\n', unhealthy));
    }

    /// <summary>Each panel target's expression, with Grafana's variables given the values a single host has.</summary>
    internal static IEnumerable<(string Title, string Expr)> DashboardExpressions()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Observability, "grafana", "dashboards"), "*.json"))
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var panel in dashboard["panels"]!.AsArray())
            {
                foreach (var target in panel!["targets"]!.AsArray())
                {
                    var expr = target!["expr"]!.GetValue<string>()
                        .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
                        .Replace("$job", "trackstack", StringComparison.Ordinal)
                        .Replace("$instance", ".+", StringComparison.Ordinal);
                    yield return ($"{dashboard["title"]} / {panel["title"]}", expr);
                }
            }
        }
    }

    /// <summary>An alert is "expression comparison threshold": the expression alone has series whether or not it fires.</summary>
    internal static string LeftOfComparison(string query)
    {
        var m = TrailingComparison().Match(query);
        return m.Success ? m.Groups[1].Value : query;
    }

    [GeneratedRegex(@"^(.*?)\s*(?:==|!=|>=|<=|>|<)\s*-?[0-9.]+(?:e[+-]?\d+)?\s*$", RegexOptions.Singleline)]
    private static partial Regex TrailingComparison();

    private static async Task<(int Code, string Output)> RunAsync(string tool, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args)
        {
            WorkingDirectory = Observability, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
