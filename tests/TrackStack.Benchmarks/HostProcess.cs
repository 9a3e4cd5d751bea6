using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace TrackStack.Benchmarks;

/// <summary>The built host started as its own process, the way a self-hoster runs it.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, TimeSpan readyAfter)
    {
        _process = process;
        ReadyAfter = readyAfter;
    }

    public TimeSpan ReadyAfter { get; }

    public static Task<HostProcess> StartAsync(string dataDir, int port, bool instrumented = true) =>
        StartAsync(["serve"], port, new Dictionary<string, string>
        {
            ["TrackStack__DataDir"] = dataDir,
            ["TrackStack__Monitoring__Instrumentation"] = instrumented ? "true" : "false",
        });

    /// <summary>The host with a command (<c>serve --modules expenses</c>, <c>gateway</c>) on a port, ready once its
    /// <c>/health/ready</c> answers 200. Cheap password hashing, no rate limit on sign-in and no management port unless
    /// <paramref name="environment"/> says otherwise.</summary>
    public static async Task<HostProcess> StartAsync(string[] command, int port, IReadOnlyDictionary<string, string> environment)
    {
        var dll = HostDll();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var a in new[] { dll }.Concat(command).Concat(["--urls", $"http://127.0.0.1:{port}"])) start.ArgumentList.Add(a);
        start.Environment["TrackStack__RateLimits__AuthPerMinute"] = "10000";
        start.Environment["TrackStack__Auth__PasswordHashIterations"] = "1";
        start.Environment["TrackStack__Auth__PasswordHashMemoryKiB"] = "1024";
        start.Environment["TrackStack__Monitoring__MetricsPort"] = "0";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        // The host logs one line per request: drain its output so it never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
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
        return new HostProcess(process, clock.Elapsed);
    }

    public double RssMegabytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
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
