using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;

namespace TrackStack.Benchmarks;

/// <summary>Process memory around large statement imports through the HTTP API (ADR 0011): the resident set before,
/// at its peak (sampled every 20 ms), after 5 idle seconds, and after a full collection and 5 more seconds. The
/// target is under 200 MB after. The host runs in this process, so the figures are the server's (plus this
/// client's copy of the file being sent), under this program's GC settings (workstation, like the host's). Asserts nothing.</summary>
internal static class ImportMemoryBench
{
    public const int TargetBytes = 10_000_000; // just under the 10 MB (10 MiB) upload limit with the multipart framing

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {Setting("System.GC.Concurrent") ?? "default"}, " +
                $"DATAS {Setting("System.GC.DynamicAdaptationMode") ?? "default"}, conserve memory {Setting("System.GC.ConserveMemory") ?? "default"}, " +
                $"heap hard limit {Setting("System.GC.HeapHardLimit") ?? "none"}, {Environment.ProcessorCount} cores"),
        };
        await Settle();
        var before = Rss();
        var beforeParts = RssParts();
        var paused = GC.GetTotalPauseDuration();
        using var peak = new PeakSampler();
        // A commit of 10 MB, the same file again (all duplicates), a dry run of another, and its commit. Each file is
        // made just before its upload and dropped after, so the figures before and after hold no client copy.
        foreach (var (seed, name, dryRun) in new[] { (1, "a.csv", false), (1, "a.csv", false), (2, "b.csv", true), (2, "b.csv", false) })
        {
            lines.Add(await ImportAsync(host, seed, name, dryRun, peak));
        }
        var (top, topManaged) = (peak.Max, peak.MaxManaged);
        var pauses = GC.GetTotalPauseDuration() - paused;
        peak.Dispose();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = Rss(); // what a real server holds: nothing forces a collection there
        await Settle();
        var after = Rss();
        var info = GC.GetGCMemoryInfo();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{"RSS before / peak / after (GC + 5 s)",-46} {Mb(before)} / {Mb(top)} / {Mb(after)}   (managed peak {Mb(topManaged)}, after {Mb(GC.GetTotalMemory(false))}, GC committed after {Mb(info.TotalCommittedBytes)}; target after < 200 MB)"));
        lines.Add($"{"  after 5 s idle, before the forced collection",-46} {Mb(idle)}");
        lines.Add($"{"  of which anonymous / file-backed",-46} before {beforeParts}, after {RssParts()}");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{"  GC pauses during the imports",-46} {pauses.TotalMilliseconds:F0} ms in total"));
        return lines;
    }

    /// <summary>One upload, in its own method so that the file and the answer are garbage once it returns (an async
    /// loop keeps its last locals alive in its state machine).</summary>
    private static async Task<string> ImportAsync(BenchHost host, int seed, string name, bool dryRun, PeakSampler peak)
    {
        var file = Csv(seed);
        var start = Stopwatch.GetTimestamp();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", name);
        if (dryRun) form.Add(new StringContent("true"), "dryRun");
        using var response = await host.Client.PostAsync($"/api/households/{host.HouseholdId}/expenses/imports", form);
        await Measure.EnsureOkAsync(response);
        var body = await response.Content.ReadAsStringAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"  POST imports {name} {file.Length / 1e6:F1} MB{(dryRun ? " dryRun" : "")}: {(int)response.StatusCode} in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s, answer {body.Length / 1024.0:F0} KB, RSS {Mb(Rss())}, peak so far {Mb(peak.Max)} (managed {Mb(peak.MaxManaged)})");
    }

    /// <summary>A semicolon CSV of about <see cref="TargetBytes"/>, the same for the same seed, with payees unique to
    /// the seed (so each seed is a new file).</summary>
    private static byte[] Csv(int seed)
    {
        using var bytes = new MemoryStream(TargetBytes + 1024);
        using (var csv = new StreamWriter(bytes, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        {
            csv.Write("Date;Payee;Memo;Amount\n");
            var random = new Random(seed);
            for (var i = 0; bytes.Length < TargetBytes - 64 * 1024 - 80; i++)
            {
                var day = new DateOnly(2028, 1, 1).AddDays(i % 366);
                csv.Write(string.Create(CultureInfo.InvariantCulture, $"{day:dd.MM.yyyy};Memory bench {seed}-{i};Card payment {i};-{random.Next(1, 500)},{random.Next(0, 99):D2}\n"));
            }
        }
        return bytes.ToArray();
    }

    /// <summary>A full blocking, compacting collection, then idle time for the GC to give memory back.</summary>
    private static async Task Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromSeconds(5));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static string? Setting(string name) => AppContext.GetData(name)?.ToString();

    /// <summary>Resident set size: VmRSS on Linux, the working set elsewhere.</summary>
    internal static long Rss()
    {
        if (OperatingSystem.IsLinux())
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>RssAnon (heaps, JIT code, stacks) and RssFile (mapped assemblies) on Linux.</summary>
    private static string RssParts()
    {
        if (!OperatingSystem.IsLinux()) return "n/a";
        var parts = File.ReadLines("/proc/self/status").Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal))
            .Select(l => Mb(long.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024));
        return string.Join(" / ", parts);
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F0} MB");

    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _max;
        private long _maxManaged;

        public PeakSampler()
        {
            _max = Rss();
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var rss = Rss();
                    if (rss > Interlocked.Read(ref _max)) Interlocked.Exchange(ref _max, rss);
                    var managed = GC.GetTotalMemory(false);
                    if (managed > Interlocked.Read(ref _maxManaged)) Interlocked.Exchange(ref _maxManaged, managed);
                    try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
                }
            });
        }

        public long Max => Math.Max(Interlocked.Read(ref _max), Rss());

        public long MaxManaged => Interlocked.Read(ref _maxManaged);

        public void Dispose()
        {
            if (_stop.IsCancellationRequested) return;
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }
}
