using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace TrackStack.Benchmarks;

/// <summary>The integration tests' SMTP server (smtp_sink.py on aiosmtpd, a real SMTP conversation on 127.0.0.1)
/// for the report benchmark: it keeps each message's recipients and text body. Stopped with the benchmark by
/// closing its standard input.</summary>
internal sealed class BenchSmtp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(string To, string Subject, string Body)> _mail = new();

    private BenchSmtp(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Count => _mail.Count;

    /// <summary>Null when python3 with aiosmtpd is not installed (the benchmark then says it skipped).</summary>
    public static async Task<BenchSmtp?> StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "smtp_sink.py");
        if (!File.Exists("/usr/bin/python3") || !File.Exists(script)) return null;
        using (var probe = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import aiosmtpd\"") { RedirectStandardError = true }))
        {
            await probe!.WaitForExitAsync();
            if (probe.ExitCode != 0) return null;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { script, port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, RedirectStandardInput = true, RedirectStandardOutput = true })!;
        var ready = await process.StandardOutput.ReadLineAsync();
        if (ready != "READY") throw new InvalidOperationException($"smtp_sink.py did not start: {ready}");
        var sink = new BenchSmtp(process, port);
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var mail = JsonNode.Parse(line)!;
                if (mail["to"] is JsonArray to) sink._mail.Enqueue((to[0]!.GetValue<string>(), mail["subject"]!.GetValue<string>(), mail["body"]!.GetValue<string>()));
            }
        });
        return sink;
    }

    public async Task<string> WaitForBodyAsync(string to, string subjectPart)
    {
        for (var i = 0; i < 200; i++)
        {
            var hit = _mail.FirstOrDefault(m => m.To == to && m.Subject.Contains(subjectPart, StringComparison.OrdinalIgnoreCase));
            if (hit.Body is not null) return hit.Body;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No e-mail to {to} about {subjectPart}.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000)) _process.Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }
}
