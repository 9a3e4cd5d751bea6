using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrackStack.Benchmarks;

/// <summary>The request pipeline under load: the real host as its own process on SQLite, a household with 600
/// entries in the month and a year of heating data, then 64 connections on /health/live, the household GET, the
/// month sheet and the heating summary. Uses wrk when it is installed (Debian: apt-get install wrk), else a C# load
/// generator; either way every figure is also printed as a share of /health/live measured in the same run, because
/// absolute numbers on a shared machine vary from run to run. Also prints the cold start to the first /health/ready
/// 200 and the server's RSS after the load.</summary>
internal static partial class LoadBench
{
    private const string Email = "load@example.org";
    private const string Password = "long enough passphrase";

    public static async Task<IReadOnlyList<string>> RunAsync(int connections, TimeSpan duration)
    {
        var lines = new List<string>();
        var dataDir = Directory.CreateTempSubdirectory("trackstack-load-").FullName;
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            TimeSpan firstStart, restart;
            await using (var first = await HostProcess.StartAsync(dataDir, port))
            {
                firstStart = first.ReadyAfter;
            }
            await using var host = await HostProcess.StartAsync(dataDir, port);
            restart = host.ReadyAfter;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"cold start to the first /health/ready 200: {firstStart.TotalMilliseconds:F0} ms on a new data dir (migrations included), {restart.TotalMilliseconds:F0} ms on an existing one"));

            using var client = new HttpClient { BaseAddress = baseUrl };
            var (token, household) = await SeedAsync(client);
            var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var targets = new (string Name, string Path)[]
            {
                ("/health/live", "health/live"),
                ("household GET", $"api/households/{household}"),
                ("month sheet", $"api/households/{household}/expenses/months/{month}"),
                ("heating summary", $"api/households/{household}/heating/summary"),
            };
            var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
            lines.Add($"load: {connections} connections, {duration.TotalSeconds:F0} s each, generator {(wrk is null ? "C# (install wrk for a lighter one)" : "wrk -t2")}, {Environment.ProcessorCount} cores shared by client and server");
            // Every path under load for a few seconds first, so the JIT's tiers and the caches are warm for all of them
            // and the first one measured (the baseline) is not the one that pays for it.
            foreach (var (_, path) in targets)
            {
                var url = new Uri(baseUrl, path);
                await WarmAsync(client, url, token);
                _ = wrk is null ? await GenerateAsync(url, token, connections, TimeSpan.FromSeconds(3)) : await WrkAsync(wrk, url, token, connections, TimeSpan.FromSeconds(3));
            }
            LoadResult? baseline = null;
            foreach (var (name, path) in targets)
            {
                var url = new Uri(baseUrl, path);
                var result = wrk is null ? await GenerateAsync(url, token, connections, duration) : await WrkAsync(wrk, url, token, connections, duration);
                baseline ??= result;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-18} {result.RequestsPerSecond,9:N0} req/s ({result.RequestsPerSecond / baseline.RequestsPerSecond,6:P0} of /health/live)   p50 {result.P50Ms,7:F2} ms   p99 {result.P99Ms,7:F2} ms{(result.Errors > 0 ? $"   {result.Errors} non-2xx" : "")}"));
            }
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"server RSS after the load: {host.RssMegabytes():F0} MB"));
            await host.DisposeAsync();
            lines.AddRange(await InstrumentationOverheadAsync(dataDir, port, baseUrl, token, targets[1..3], wrk, connections, duration));
        }
        finally
        {
            try { Directory.Delete(dataDir, true); } catch (IOException) { }
        }
        return lines;
    }

    /// <summary>One member, 600 expenses this month, a year of daily temperatures, weekly refills and a purchase.</summary>
    internal static async Task<(string Token, Guid Household)> SeedAsync(HttpClient client, bool heating = true)
    {
        using (var r = await client.PostAsJsonAsync("/api/auth/register", new { email = Email, password = Password, displayName = "Load" })) await Measure.EnsureOkAsync(r);
        using var tokenResponse = await client.PostAsJsonAsync("/api/auth/token", new { email = Email, password = Password });
        await Measure.EnsureOkAsync(tokenResponse);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var household = Guid.Empty;
        for (var i = 0; i < 200 && household == Guid.Empty; i++)
        {
            var me = await client.GetFromJsonAsync<JsonNode>("/api/me");
            var personal = me!["households"]!.AsArray().FirstOrDefault();
            if (personal is not null) household = Guid.Parse(personal["id"]!.GetValue<string>());
            else await Task.Delay(50);
        }
        var api = $"/api/households/{household}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var r = await client.PutAsJsonAsync($"{api}/expenses/settings", new { monthlyIncomeCents = 450000 })) await Measure.EnsureOkAsync(r);
        var categories = (await client.GetFromJsonAsync<JsonArray>($"{api}/expenses/categories"))!.Select(c => c!["id"]!.GetValue<string>()).ToList();
        async Task AddAsync(int i, CancellationToken ct)
        {
            var day = new DateOnly(today.Year, today.Month, 1 + i % today.Day);
            using var r = await client.PostAsJsonAsync($"{api}/expenses/entries", new { date = day, amountCents = Random.Shared.Next(100, 20000), title = $"Payee {i % 40}", categoryId = categories[i % categories.Count] }, ct);
            await Measure.EnsureOkAsync(r);
        }
        // The first entry alone: builds before the first-write fix answered 409 to parallel writes into a new month.
        await AddAsync(0, CancellationToken.None);
        await Parallel.ForEachAsync(Enumerable.Range(1, 599), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => await AddAsync(i, ct));
        if (!heating) return (token, household);
        var temperatures = Enumerable.Range(1, 400).Select(d => new { date = today.AddDays(-d), meanC = Math.Round(8 - 9 * Math.Cos(2 * Math.PI * (today.AddDays(-d).DayOfYear - 15) / 365.0), 1) }).ToList();
        using (var r = await client.PutAsJsonAsync($"{api}/heating/temperatures", temperatures)) await Measure.EnsureOkAsync(r);
        using (var r = await client.PostAsJsonAsync($"{api}/heating/purchases", new { date = today.AddDays(-380), quantity = 140, totalPriceCents = 60000 })) await Measure.EnsureOkAsync(r);
        for (var week = 54; week >= 1; week--)
        {
            using var r = await client.PostAsJsonAsync($"{api}/heating/refills", new { date = today.AddDays(-7 * week), quantity = 2 });
            await Measure.EnsureOkAsync(r);
        }
        return (token, household);
    }

    /// <summary>The same reads on a host without OpenTelemetry and again on one with it, each freshly started and
    /// warmed the same way: the instrumentation's cost as a ratio (the issue's bound is 10 %).</summary>
    private static async Task<IEnumerable<string>> InstrumentationOverheadAsync(string dataDir, int port, Uri baseUrl, string token,
        (string Name, string Path)[] targets, string? wrk, int connections, TimeSpan duration)
    {
        var results = new Dictionary<(bool, string), LoadResult>();
        using var client = new HttpClient { BaseAddress = baseUrl };
        foreach (var instrumented in new[] { false, true })
        {
            await using var host = await HostProcess.StartAsync(dataDir, port, instrumented);
            foreach (var (name, path) in targets)
            {
                var url = new Uri(baseUrl, path);
                await WarmAsync(client, url, token);
                _ = wrk is null ? await GenerateAsync(url, token, connections, TimeSpan.FromSeconds(3)) : await WrkAsync(wrk, url, token, connections, TimeSpan.FromSeconds(3));
                results[(instrumented, name)] = wrk is null ? await GenerateAsync(url, token, connections, duration) : await WrkAsync(wrk, url, token, connections, duration);
            }
        }
        return targets.Select(t =>
        {
            var (off, on) = (results[(false, t.Name)], results[(true, t.Name)]);
            return string.Create(CultureInfo.InvariantCulture,
                $"instrumentation {t.Name,-15} with/without OpenTelemetry: throughput {on.RequestsPerSecond / off.RequestsPerSecond,6:P0} ({on.RequestsPerSecond:N0} vs {off.RequestsPerSecond:N0} req/s), p99 {on.P99Ms / off.P99Ms,6:P0} ({on.P99Ms:F2} vs {off.P99Ms:F2} ms)");
        });
    }

    internal static async Task WarmAsync(HttpClient client, Uri url, string token)
    {
        for (var i = 0; i < 200; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var r = await client.SendAsync(request);
            await Measure.EnsureOkAsync(r);
        }
    }

    internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

    internal static async Task<LoadResult> WrkAsync(string wrk, Uri url, string token, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-H", $"Authorization: Bearer {token}", url.ToString() }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return ParseWrk(output);
    }

    internal static LoadResult ParseWrk(string output)
    {
        double Number(Regex pattern) => double.Parse(pattern.Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = WrkNon2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(Number(WrkRate()), WrkLatency(output, "50%"), WrkLatency(output, "99%"), errors);
    }

    /// <summary>wrk prints "  99%  12.34ms" (or us, s) in its latency distribution.</summary>
    private static double WrkLatency(string output, string percentile)
    {
        var m = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    /// <summary>The fallback: one loop per connection, each timing its own requests.</summary>
    internal static async Task<LoadResult> GenerateAsync(Uri url, string token, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var client = new HttpClient(handler);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long errors = 0;
        var loops = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                times.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            return times;
        })).ToList();
        var all = (await Task.WhenAll(loops)).SelectMany(t => t).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length / duration.TotalSeconds, all[(int)(all.Length * 0.50)], all[(int)(all.Length * 0.99)], errors);
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRate();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex WrkNon2xx();
}
