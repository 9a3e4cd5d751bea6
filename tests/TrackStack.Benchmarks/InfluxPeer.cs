using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace TrackStack.Benchmarks;

/// <summary>The peer of the line-protocol ingest: a local InfluxDB 1.x (Debian's influxdb package) started for this
/// run on free 127.0.0.1 ports in a temporary directory, stopped by its process id afterwards. Both servers take
/// the same 1,000-line body from the same number of concurrent connections for the same time.</summary>
internal sealed class InfluxPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private InfluxPeer(Process process, string dir, Uri address)
    {
        _process = process;
        _dir = dir;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The binary to use: --influxd PATH, else influxd on PATH, else null with the reason.</summary>
    public static (string? Path, string Reason) Find(string? given)
    {
        if (given is not null) return File.Exists(given) ? (given, "") : (null, $"--influxd {given} does not exist");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "influxd");
            if (File.Exists(candidate)) return (candidate, "");
        }
        return (null, "no influxd on PATH (apt-get install influxdb, or pass --influxd PATH)");
    }

    public static async Task<InfluxPeer> StartAsync(string binary)
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-influx-").FullName;
        var (http, rpc) = (FreePort(), FreePort());
        var config = Path.Combine(dir, "influxdb.conf");
        // Request logging off and no self-monitoring: the peer does only what it is measured for.
        await File.WriteAllTextAsync(config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpc}"
            [meta]
              dir = "{dir}/meta"
            [data]
              dir = "{dir}/data"
              wal-dir = "{dir}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              bind-address = "127.0.0.1:{http}"
              log-enabled = false
            [logging]
              level = "error"
            [continuous_queries]
              enabled = false
            """);
        var process = Process.Start(new ProcessStartInfo(binary, ["-config", config])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("influxd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new InfluxPeer(process, dir, new Uri($"http://127.0.0.1:{http}"));
        using var client = new HttpClient { BaseAddress = peer.Address };
        for (var i = 0; ; i++)
        {
            try
            {
                using var ping = await client.GetAsync("/ping");
                if (ping.StatusCode == HttpStatusCode.NoContent) break;
            }
            catch (HttpRequestException) when (i < 100 && !process.HasExited)
            {
            }
            if (process.HasExited || i >= 100)
            {
                await peer.DisposeAsync();
                throw new InvalidOperationException($"influxd did not answer /ping (exited: {process.HasExited}).");
            }
            await Task.Delay(100);
        }
        using var create = await client.PostAsync("/query?q=" + Uri.EscapeDataString("CREATE DATABASE bench"), null);
        await Measure.EnsureOkAsync(create);
        return peer;
    }

    /// <summary>Lines per second: <paramref name="connections"/> clients posting the body back to back for the duration.</summary>
    public static async Task<double> LinesPerSecondAsync(Uri address, string path, string? token, string body, int lines, int connections, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address };
        var bytes = Encoding.UTF8.GetBytes(body);
        async Task PostAsync()
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
            using var response = await http.SendAsync(request);
            await Measure.EnsureOkAsync(response);
        }
        for (var i = 0; i < connections * 2; i++) await PostAsync(); // warm-up
        var posts = 0L;
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await PostAsync();
                Interlocked.Increment(ref posts);
            }
        }));
        return posts * lines / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped by the id of the process this run started, nothing else.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    public static string Line(string name, double rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-46} {rate,10:F0} lines/s");
}
