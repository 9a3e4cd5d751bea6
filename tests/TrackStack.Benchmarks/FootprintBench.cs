using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TrackStack.Benchmarks;

/// <summary>Memory and start-up (ADR 0037): the monolith with every module as its own process, the way a self-hoster
/// runs it, next to a bare ASP.NET Core minimal API (this program with <c>--bare-api</c>) started the same way in the
/// same run. Cold start: time to the first /health/ready 200, on a new data dir (migrations and the food load
/// included) and on the migrated one (the start that counts), medians, with the host's own "startup-timing" steps.
/// Memory: VmRSS, RssAnon and RssFile at ready, after an idle period and the maximum during a mixed load (reads of the
/// main screens, one write in 20) for each GC configuration, set by environment variables, with throughput and p99.</summary>
internal static class FootprintBench
{
    internal sealed record GcConfig(string Name, IReadOnlyDictionary<string, string> Environment);

    /// <summary>Every configuration measured; the first is the ratio's baseline. DATAS is on by default with Server GC
    /// since .NET 9, so "server" turns it off explicitly. "wks-conserve0" sets the runtime default explicitly: measured
    /// after "default" it shows the order effect (ADR 0037: the second config measured came out lower every time).</summary>
    internal static readonly GcConfig[] Configs =
    [
        new("default", new Dictionary<string, string>()),
        new("wks-conserve0", new Dictionary<string, string> { ["DOTNET_GCConserveMemory"] = "0" }),
        new("wks-conserve7", new Dictionary<string, string> { ["DOTNET_GCConserveMemory"] = "7" }),
        new("wks-gen0-4mb", new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x400000" }),
        new("wks-gen0-4mb-conserve7", new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x400000", ["DOTNET_GCConserveMemory"] = "7" }),
        new("wks-tieredpgo-off", new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }),
        new("wks-hardlimit-96mb", new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x6000000" }),
        new("wks-wxorx-off", new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" }),
        new("server", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0" }),
        new("server-datas", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "1" }),
    ];

    public static async Task<int> RunAsync(int starts, int connections, TimeSpan duration, TimeSpan idle, IReadOnlyList<string>? only)
    {
        Console.WriteLine($"== memory and start-up (the monolith, every module, SQLite, its own process; {Environment.ProcessorCount} cores) ==");
        var dataDir = Directory.CreateTempSubdirectory("trackstack-footprint-").FullName;
        var bare = typeof(FootprintBench).Assembly.Location;
        try
        {
            // Cold start: new data dirs (each migrates and loads the foods), then the migrated one, then the baseline.
            var fresh = new List<double>();
            for (var i = 0; i < Math.Max(1, starts / 2); i++)
            {
                var dir = i == 0 ? dataDir : Directory.CreateTempSubdirectory("trackstack-footprint-").FullName;
                await using (var h = await StartHostAsync(dir, new Dictionary<string, string>())) fresh.Add(h.ReadyAfter.TotalMilliseconds);
                if (dir != dataDir) TryDelete(dir);
            }
            var warm = new List<double>();
            var steps = new List<Dictionary<string, double>>();
            for (var i = 0; i < starts; i++)
            {
                await using var h = await StartHostAsync(dataDir, new Dictionary<string, string>());
                warm.Add(h.ReadyAfter.TotalMilliseconds);
                if (await h.StartupTimingAsync(TimeSpan.FromSeconds(2)) is { } line) steps.Add(ParseSteps(line));
            }
            var baseline = new List<double>();
            (double Rss, double Anon, double File, double Shmem) bareIdle = default;
            for (var i = 0; i < starts; i++)
            {
                await using var h = await HostProcess.StartAsync(bare, ["--bare-api"], Port(), new Dictionary<string, string>());
                baseline.Add(h.ReadyAfter.TotalMilliseconds);
                if (i == starts - 1)
                {
                    await Task.Delay(1000);
                    bareIdle = h.Memory();
                }
            }
            var (b, w) = (Median(baseline), Median(warm));
            Console.WriteLine(F($"cold start to the first /health/ready 200, median of {starts} (min–max):"));
            Console.WriteLine(F($"  bare minimal API (baseline)      {b,7:F0} ms ({baseline.Min():F0}–{baseline.Max():F0})"));
            Console.WriteLine(F($"  TrackStack, migrated data dir    {w,7:F0} ms ({warm.Min():F0}–{warm.Max():F0})   {w / b,5:F1}x baseline   (target ≤ 500 ms)"));
            Console.WriteLine(F($"  TrackStack, new data dir         {Median(fresh),7:F0} ms ({fresh.Min():F0}–{fresh.Max():F0})   {Median(fresh) / b,5:F1}x baseline   (migrates and loads the foods; {fresh.Count} starts)"));
            if (steps.Count > 0)
            {
                Console.WriteLine(F($"  where the time goes on the migrated dir (median ms since the process started, and the step's own share):"));
                var previous = 0.0;
                foreach (var key in steps[0].Keys)
                {
                    var at = Median(steps.Where(s => s.ContainsKey(key)).Select(s => s[key]).ToList());
                    Console.WriteLine(F($"    {Describe(key),-56} at {at,6:F0} ms   +{at - previous,5:F0} ms"));
                    previous = at;
                }
                Console.WriteLine(F($"    {"first /health/ready 200 (bench clock)",-56} at {w,6:F0} ms   +{w - previous,5:F0} ms"));
            }
            else Console.WriteLine("  (the host logged no startup-timing line: an older build?)");
            Console.WriteLine(F($"bare minimal API RSS at ready: {bareIdle.Rss:F0} MiB (anon {bareIdle.Anon:F0}, file {bareIdle.File:F0}, shmem {bareIdle.Shmem:F0})"));

            // Memory per GC configuration, on the migrated dir with a seeded household.
            string token, category;
            Guid household;
            await using (var h = await StartHostAsync(dataDir, new Dictionary<string, string>()))
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{h.Port}/") };
                (token, household) = await LoadBench.SeedAsync(client);
                var categories = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>(client, $"api/households/{household}/expenses/categories");
                category = categories![0]!["id"]!.GetValue<string>();
            }
            var script = Path.Combine(dataDir, "mixed.lua");
            await File.WriteAllTextAsync(script, MixedScript(token, household, category));
            var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
            if (wrk is null) Console.WriteLine("(wrk is not installed: the load runs the month sheet only, with the C# generator)");
            Console.WriteLine(F($"memory per GC configuration: idle {idle.TotalSeconds:F0} s after ready, then a mixed load of {connections} connections for {duration.TotalSeconds:F0} s (5 reads of the main screens, 1 write in 20); MiB"));
            Console.WriteLine(F($"  {"config",-24} {"ready rss/anon/file/shm",25} {"idle rss/anon",14} {"load max rss/anon",18} {"req/s",8} {"p99 ms",7}   vs default: idle, load max, req/s, p99"));
            (double Idle, double Max, double Rate, double P99)? first = null;
            foreach (var config in Configs.Where(c => only is null || only.Contains(c.Name)))
            {
                await using var h = await StartHostAsync(dataDir, config.Environment);
                await Task.Delay(1000);
                var ready = h.Memory();
                await Task.Delay(idle);
                var idled = h.Memory();
                var url = new Uri($"http://127.0.0.1:{h.Port}/api/households/{household}/expenses/months/{DateTime.UtcNow:yyyy-MM}");
                using (var warmClient = new HttpClient()) await LoadBench.WarmAsync(warmClient, url, token);
                var max = (Rss: 0.0, Anon: 0.0);
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        var m = h.Memory();
                        if (m.Rss > max.Rss) max = (m.Rss, m.Anon);
                        try { await Task.Delay(200, sampling.Token); } catch (TaskCanceledException) { }
                    }
                });
                var result = wrk is null ? await LoadBench.GenerateAsync(url, token, connections, duration) : await WrkScriptAsync(wrk, script, url, connections, duration);
                await sampling.CancelAsync();
                await sampler;
                first ??= (idled.Rss, max.Rss, result.RequestsPerSecond, result.P99Ms);
                var f = first.Value;
                Console.WriteLine(F($"  {config.Name,-24} {ready.Rss,6:F0}/{ready.Anon,5:F0}/{ready.File,5:F0}/{ready.Shmem,5:F0}  {idled.Rss,6:F0}/{idled.Anon,5:F0}   {max.Rss,8:F0}/{max.Anon,5:F0}    {result.RequestsPerSecond,8:N0} {result.P99Ms,7:F1}   {idled.Rss / f.Idle,5:F2} {max.Rss / f.Max,5:F2} {result.RequestsPerSecond / f.Rate,5:F2} {result.P99Ms / f.P99,5:F2}{(result.Errors > 0 ? $"   {result.Errors} non-2xx" : "")}"));
            }
            Console.WriteLine(F($"  (idle RSS against the bare minimal API: default {first?.Idle / bareIdle.Rss:F1}x; targets: ≤ 80 MiB idle, ≤ 128 MiB under load)"));
        }
        finally
        {
            TryDelete(dataDir);
        }
        return 0;
    }

    /// <summary>The bare baseline: the smallest ASP.NET Core program that answers /health/ready.</summary>
    public static async Task<int> ServeBareAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/health/ready", () => "Healthy");
        await app.RunAsync();
        return 0;
    }

    private static async Task<HostProcess> StartHostAsync(string dataDir, IReadOnlyDictionary<string, string> gc)
    {
        var environment = new Dictionary<string, string>(gc)
        {
            ["TrackStack__DataDir"] = dataDir,
            ["TrackStack__Monitoring__Instrumentation"] = "true",
            ["TRACKSTACK_STARTUP_TIMING"] = "1",
        };
        var port = Port();
        var host = await HostProcess.StartAsync(["serve"], port, environment);
        host.Port = port;
        return host;
    }

    private static Dictionary<string, double> ParseSteps(string line)
    {
        var steps = new Dictionary<string, double>();
        foreach (var p in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(p => p.Split('=')).Where(p => p.Length == 2))
        {
            var key = p[0];
            for (var n = 2; steps.ContainsKey(key); n++) key = $"{p[0]}#{n}";
            steps[key] = double.Parse(p[1], CultureInfo.InvariantCulture);
        }
        return steps;
    }

    /// <summary>A free port in 8600–8699 (the range this machine's benchmarks use).</summary>
    private static int Port()
    {
        for (var port = 8600 + Random.Shared.Next(100); ; port = 8600 + (port - 8599) % 100)
        {
            try
            {
                using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException) { }
        }
    }

    private static string Describe(string step) => step switch
    {
        "main" => "runtime started, Main entered",
        "built" => "host built (services, modules, pipeline)",
        "started" => "Kestrel listening (ApplicationStarted)",
        _ when step.StartsWith("hosted:", StringComparison.Ordinal) => "hosted service started: " + step["hosted:".Length..],
        _ when step.StartsWith("migrated:", StringComparison.Ordinal) => "migrations checked: " + step["migrated:".Length..],
        _ => step,
    };

    /// <summary>A wrk script cycling through the main screens' reads, with an expense written (into 2020, away from
    /// the month read) every 20th request.</summary>
    private static string MixedScript(string token, Guid household, string category)
    {
        var api = $"/api/households/{household}";
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var reads = new[] { "/api/me", api, $"{api}/expenses/months/{month}", $"{api}/heating/summary", $"{api}/expenses/categories" };
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"local reads = {{ {string.Join(", ", reads.Select(r => $"\"{r}\""))} }}");
        s.AppendLine(CultureInfo.InvariantCulture, $"local auth = \"Bearer {token}\"");
        s.AppendLine(CultureInfo.InvariantCulture, $"local write = \"{api}/expenses/entries\"");
        s.AppendLine("local i = 0");
        s.AppendLine("request = function()");
        s.AppendLine("  i = i + 1");
        s.AppendLine("  if i % 20 == 0 then");
        s.AppendLine("    local body = '{\"date\":\"2020-01-' .. string.format('%02d', 1 + i % 28) .. '\",\"amountCents\":' .. (100 + i % 9000) .. ',\"title\":\"Load ' .. (i % 40) .. '\",\"categoryId\":\"" + category + "\"}'");
        s.AppendLine("    return wrk.format(\"POST\", write, { [\"Authorization\"] = auth, [\"Content-Type\"] = \"application/json\" }, body)");
        s.AppendLine("  end");
        s.AppendLine("  return wrk.format(\"GET\", reads[1 + i % #reads], { [\"Authorization\"] = auth })");
        s.AppendLine("end");
        return s.ToString();
    }

    private static async Task<LoadBench.LoadResult> WrkScriptAsync(string wrk, string script, Uri url, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.ToString() }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return LoadBench.ParseWrk(output);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
