using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>A real Prometheus (Debian's package) on a free loopback port, scraping one target every second, with
/// the repository's alert rules loaded. Skips when /usr/bin/prometheus is missing, except in CI
/// (TRACKSTACK_REQUIRE_PROMETHEUS=1) where it fails.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly string _dir;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public static void RequireTool(string path, string package)
    {
        if (File.Exists(path)) return;
        if (Environment.GetEnvironmentVariable("TRACKSTACK_REQUIRE_PROMETHEUS") == "1")
            throw new InvalidOperationException($"{path} is required here but missing (apt-get install {package}).");
        Assert.Skip($"{path} is missing (apt-get install {package}).");
    }

    public static async Task<PrometheusServer> StartAsync(Uri target, string? token, string rulesFile)
    {
        RequireTool(Binary, "prometheus");
        var dir = Directory.CreateTempSubdirectory("trackstack-prometheus-").FullName;
        var auth = token is null ? "" : $"\n    authorization:\n      credentials: \"{token}\"";
        await File.WriteAllTextAsync(Path.Combine(dir, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - "{rulesFile}"
            scrape_configs:
              - job_name: trackstack
                metrics_path: /metrics{auth}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(Binary,
        [
            $"--config.file={Path.Combine(dir, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(dir, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, dir, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var ready = await server._http.GetAsync("/-/ready");
                if (ready.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("Prometheus did not start.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>An instant query: (status code, JSON answer).</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> QueryAsync(string promql)
    {
        using var r = await _http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        return (r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync())!);
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var r = await _http.GetAsync(path);
        r.EnsureSuccessStatusCode();
        return JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
