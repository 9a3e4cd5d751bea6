using System.Text.Json.Nodes;
using TrackStack.Tests;

namespace TrackStack.UnitTests.Monitoring;

/// <summary>Grafana cannot run here: every dashboard JSON of deploy/observability is checked against the panel schema
/// Grafana's provisioning loads, and every panel and query uses the provisioned Prometheus.</summary>
public sealed class GrafanaDashboardTests
{
    private static readonly string Root = Path.Combine(Fixtures.RepositoryRoot(), "deploy", "observability", "grafana");
    private static readonly HashSet<string> PanelTypes = ["timeseries", "stat", "table", "gauge", "bargauge"];

    private static string[] Files() => Directory.GetFiles(Path.Combine(Root, "dashboards"), "*.json").Select(Path.GetFileName).Order().ToArray()!;

    public static TheoryData<string> Dashboards() => new(Files());

    [Fact]
    public void The_provisioned_datasource_is_the_prometheus_every_panel_names_and_the_five_dashboards_exist()
    {
        var datasource = File.ReadAllText(Path.Combine(Root, "provisioning", "datasources", "prometheus.yml"));
        Assert.Contains("uid: prometheus", datasource);
        Assert.Contains("type: prometheus", datasource);
        Assert.Contains("path: /var/lib/grafana/dashboards/trackstack", File.ReadAllText(Path.Combine(Root, "provisioning", "dashboards", "trackstack.yml")));
        Assert.Equal(["database.json", "events-and-jobs.json", "ingest.json", "per-service.json", "service-overview.json"], Files());
        var uids = Files().Select(f => Load(f)["uid"]!.GetValue<string>()).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void A_dashboard_follows_the_schema_and_queries_the_provisioned_prometheus(string file)
    {
        var d = Load(file);
        Assert.False(string.IsNullOrWhiteSpace(d["uid"]?.GetValue<string>()), "uid");
        Assert.True(d["uid"]!.GetValue<string>().Length <= 40, "Grafana uids are at most 40 characters");
        Assert.False(string.IsNullOrWhiteSpace(d["title"]?.GetValue<string>()), "title");
        Assert.False(string.IsNullOrWhiteSpace(d["description"]?.GetValue<string>()), "description");
        Assert.True(d["schemaVersion"]!.GetValue<int>() >= 36, "schemaVersion");
        foreach (var variable in d["templating"]!["list"]!.AsArray())
        {
            if (variable!["type"]!.GetValue<string>() == "query") AssertPrometheus(variable["datasource"], $"variable {variable["name"]}");
        }

        var panels = d["panels"]!.AsArray().Select(p => p!).ToList();
        Assert.NotEmpty(panels);
        Assert.Equal(panels.Count, panels.Select(p => p["id"]!.GetValue<int>()).Distinct().Count());
        var cells = new HashSet<(int X, int Y)>();
        foreach (var p in panels)
        {
            var title = p["title"]!.GetValue<string>();
            Assert.Contains(p["type"]!.GetValue<string>(), PanelTypes);
            var (x, y, w, h) = (p["gridPos"]!["x"]!.GetValue<int>(), p["gridPos"]!["y"]!.GetValue<int>(), p["gridPos"]!["w"]!.GetValue<int>(), p["gridPos"]!["h"]!.GetValue<int>());
            Assert.True(w is >= 1 and <= 24 && x >= 0 && x + w <= 24 && h >= 1 && y >= 0, $"{title}: gridPos {x},{y} {w}x{h}");
            // Panels must not overlap on Grafana's 24-column grid.
            for (var cx = x; cx < x + w; cx++)
                for (var cy = y; cy < y + h; cy++)
                    Assert.True(cells.Add((cx, cy)), $"{title} overlaps another panel at {cx},{cy}");
            AssertPrometheus(p["datasource"], title);
            var targets = p["targets"]!.AsArray().Select(t => t!).ToList();
            Assert.NotEmpty(targets);
            Assert.Equal(targets.Count, targets.Select(t => t["refId"]!.GetValue<string>()).Distinct().Count());
            foreach (var t in targets)
            {
                AssertPrometheus(t["datasource"], title);
                var expr = t["expr"]!.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(expr), $"{title}: empty expr");
                Assert.Equal(expr.Count(c => c == '('), expr.Count(c => c == ')'));
                Assert.Contains("job=~\"$job\"", expr);
            }
        }
    }

    private static void AssertPrometheus(JsonNode? datasource, string where)
    {
        Assert.True(datasource?["type"]?.GetValue<string>() == "prometheus" && datasource["uid"]?.GetValue<string>() == "prometheus",
            $"{where}: datasource must be the provisioned Prometheus (uid prometheus), was {datasource?.ToJsonString()}");
    }

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "dashboards", file)))!;
}
