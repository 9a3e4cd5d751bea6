using System.Globalization;

namespace TrackStack.Benchmarks;

/// <summary>What the gateway costs: identity + households in one service, expenses in another, the gateway in front,
/// each the built host as its own process on SQLite. The same authenticated reads (the household GET, served by the
/// first service, and the month sheet of 600 entries, served by the second) are loaded once straight at the owning
/// service and once through the gateway; each gateway figure is printed as a ratio of the direct one from the same run.</summary>
internal static class GatewayBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(int connections, TimeSpan duration)
    {
        var lines = new List<string>();
        var dirs = Enumerable.Range(0, 2).Select(_ => Directory.CreateTempSubdirectory("trackstack-gateway-bench-").FullName).ToList();
        var (corePort, expensesPort, gatewayPort) = (LoadBench.FreePort(), LoadBench.FreePort(), LoadBench.FreePort());
        var (core, expenses, gateway) = (Url(corePort), Url(expensesPort), Url(gatewayPort));
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        try
        {
            await using var coreService = await HostProcess.StartAsync(["serve", "--modules", "identity,households"], corePort,
                new Dictionary<string, string> { ["TrackStack__DataDir"] = dirs[0], ["TrackStack__Auth__SigningKey"] = key });
            await using var expensesService = await HostProcess.StartAsync(["serve", "--modules", "expenses"], expensesPort, new Dictionary<string, string>
            {
                ["TrackStack__DataDir"] = dirs[1],
                ["TrackStack__Auth__SigningKey"] = key,
                ["TrackStack__Services__HouseholdsUrl"] = core.ToString(),
                ["TrackStack__Services__IdentityUrl"] = core.ToString(),
            });
            await using var gatewayProcess = await HostProcess.StartAsync(["gateway"], gatewayPort, new Dictionary<string, string>
            {
                ["TrackStack__Gateway__Modules__identity"] = core.ToString(),
                ["TrackStack__Gateway__Modules__households"] = core.ToString(),
                ["TrackStack__Gateway__Modules__expenses"] = expenses.ToString(),
                ["TrackStack__Gateway__RateLimits__AuthPerMinute"] = "10000",
            });
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"gateway start to its first /health/ready 200 (both services up): {gatewayProcess.ReadyAfter.TotalMilliseconds:F0} ms"));

            using var client = new HttpClient { BaseAddress = gateway };
            var (token, household) = await LoadBench.SeedAsync(client, heating: false);
            var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var targets = new (string Name, Uri Service, string Path)[]
            {
                ("household GET", core, $"api/households/{household}"),
                ("month sheet", expenses, $"api/households/{household}/expenses/months/{month}"),
            };
            var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
            lines.Add($"load: {connections} connections, {duration.TotalSeconds:F0} s each, generator {(wrk is null ? "C# (install wrk for a lighter one)" : "wrk -t2")}, {Environment.ProcessorCount} cores shared by client, services and gateway");
            foreach (var (name, service, path) in targets)
            {
                LoadBench.LoadResult? direct = null;
                var ways = new[] { ("direct", new Uri(service, path)), ("gateway", new Uri(gateway, path)) };
                // Both ways under load first, so the service's JIT tiers and caches are as warm for the first as for the second.
                foreach (var (_, url) in ways)
                {
                    await LoadBench.WarmAsync(client, url, token);
                    _ = await LoadAsync(wrk, url, token, connections, TimeSpan.FromSeconds(5));
                }
                foreach (var (via, url) in ways)
                {
                    var result = await LoadAsync(wrk, url, token, connections, duration);
                    direct ??= result;
                    var ratio = via == "direct" ? "" : string.Create(CultureInfo.InvariantCulture,
                        $"   gateway/direct: throughput {result.RequestsPerSecond / direct.RequestsPerSecond:F2}x, p50 {result.P50Ms / direct.P50Ms:F2}x, p99 {result.P99Ms / direct.P99Ms:F2}x");
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-14} {via,-8} {result.RequestsPerSecond,9:N0} req/s   p50 {result.P50Ms,7:F2} ms   p99 {result.P99Ms,7:F2} ms{(result.Errors > 0 ? $"   {result.Errors} non-2xx" : "")}{ratio}"));
                }
            }
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"gateway RSS after the load: {gatewayProcess.RssMegabytes():F0} MB"));
        }
        finally
        {
            foreach (var dir in dirs)
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }
        return lines;
    }

    private static Uri Url(int port) => new($"http://127.0.0.1:{port}/");

    private static Task<LoadBench.LoadResult> LoadAsync(string? wrk, Uri url, string token, int connections, TimeSpan duration) =>
        wrk is null ? LoadBench.GenerateAsync(url, token, connections, duration) : LoadBench.WrkAsync(wrk, url, token, connections, duration);
}
