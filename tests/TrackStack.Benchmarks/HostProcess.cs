using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace TrackStack.Benchmarks;

/// <summary>The built host started as its own process, the way a self-hoster runs it.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly TaskCompletionSource<string> _timing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process)
    {
        _process = process;
    }

    public TimeSpan ReadyAfter { get; private set; }

    public int Id => _process.Id;

    public int Port { get; set; }

    /// <summary>The host's "startup-timing step=ms ..." log line (milliseconds since the process started), or null
    /// when it did not log one within <paramref name="wait"/> (an older build, or another program).</summary>
    public async Task<string?> StartupTimingAsync(TimeSpan wait)
    {
        var done = await Task.WhenAny(_timing.Task, Task.Delay(wait));
        return done == _timing.Task ? _timing.Task.Result : null;
    }

    public static Task<HostProcess> StartAsync(string dataDir, int port, bool instrumented = true) =>
        StartAsync(["serve"], port, new Dictionary<string, string>
        {
            ["TrackStack__DataDir"] = dataDir,
            ["TrackStack__Monitoring__Instrumentation"] = instrumented ? "true" : "false",
        });

    /// <summary>The host with a command (<c>serve --modules expenses</c>, <c>gateway</c>) on a port, ready once its
    /// <c>/health/ready</c> answers 200. Cheap password hashing, no rate limit on sign-in and no management port unless
    /// <paramref name="environment"/> says otherwise.</summary>
    public static Task<HostProcess> StartAsync(string[] command, int port, IReadOnlyDictionary<string, string> environment) =>
        StartAsync(HostDll(), command, port, environment);

    /// <summary>Any ASP.NET Core program <paramref name="dll"/> started the same way (the footprint benchmark's bare
    /// minimal API baseline).</summary>
    public static async Task<HostProcess> StartAsync(string dll, string[] command, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var a in new[] { dll }.Concat(command).Concat(["--urls", $"http://127.0.0.1:{port}"])) start.ArgumentList.Add(a);
        start.Environment["TrackStack__RateLimits__AuthPerMinute"] = "10000";
        start.Environment["TrackStack__Auth__PasswordHashIterations"] = "1";
        start.Environment["TrackStack__Auth__PasswordHashMemoryKiB"] = "1024";
        start.Environment["TrackStack__Monitoring__MetricsPort"] = "0";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var host = new HostProcess(process);
        // The host logs one line per request: drain its output so it never blocks on a full pipe, keeping only the
        // start-up timing line.
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var at = line.IndexOf("startup-timing", StringComparison.Ordinal);
                if (at >= 0) host._timing.TrySetResult(line[at..].Split('"')[0].Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal));
            }
        });
        var errors = process.StandardError.ReadToEndAsync();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            try
            {
                using var r = await probe.GetAsync("health/ready");
                if (r.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (process.HasExited) throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready: {await errors}");
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The host was not ready within 2 minutes.");
            await Task.Delay(10);
        }
        host.ReadyAfter = clock.Elapsed;
        return host;
    }

    public double RssMegabytes() => Memory().Rss;

    /// <summary>VmRSS and its split into anonymous (heaps, JIT'd code, stacks: what a container limit mostly counts)
    /// and file-backed pages (mapped assemblies and native libraries, shared and reclaimable), and shared memory
    /// (the runtime's W^X double mapping of JIT'd code), in MiB.</summary>
    public (double Rss, double Anon, double File, double Shmem) Memory()
    {
        double rss = 0, anon = 0, file = 0, shmem = 0;
        foreach (var l in System.IO.File.ReadAllLines($"/proc/{_process.Id}/status"))
        {
            double Value() => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            if (l.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Value();
            else if (l.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Value();
            else if (l.StartsWith("RssFile:", StringComparison.Ordinal)) file = Value();
            else if (l.StartsWith("RssShmem:", StringComparison.Ordinal)) shmem = Value();
        }
        return (rss, anon, file, shmem);
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The Release host of this checkout (./trackstack bench builds it with the benchmark), or the one in
    /// TRACKSTACK_BENCH_HOST_DLL, to measure another build (an older commit) the same way.</summary>
    private static string HostDll()
    {
        if (Environment.GetEnvironmentVariable("TRACKSTACK_BENCH_HOST_DLL") is { Length: > 0 } other) return other;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrackStack.sln"))) dir = dir.Parent;
        var dll = dir is null ? null : Path.Combine(dir.FullName, "src/Host/TrackStack.Host/bin/Release/net10.0/TrackStack.Host.dll");
        return dll is not null && File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first: dotnet build src/Host/TrackStack.Host -c Release", dll);
    }
}
