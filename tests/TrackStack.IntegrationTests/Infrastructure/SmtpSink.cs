using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TrackStack.IntegrationTests.Infrastructure;

public sealed record SentMail(string[] To, string Subject, string Body);

/// <summary>Runs smtp_sink.py (aiosmtpd) on a free loopback port and collects what TrackStack sends.
/// Skips when aiosmtpd is missing, except in CI (TRACKSTACK_REQUIRE_SMTP=1) where it fails.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<SentMail> _mail = new();

    private SmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || !await CanImportAsync(python))
        {
            if (Environment.GetEnvironmentVariable("TRACKSTACK_REQUIRE_SMTP") == "1")
                throw new InvalidOperationException("The SMTP sink is required here but python3-aiosmtpd is not installed.");
            Assert.Skip("python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd).");
        }
        var port = FreePort();
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(python, [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.Start();
        var sink = new SmtpSink(process, port);
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data == "READY") { ready.TrySetResult(); return; }
            var json = JsonDocument.Parse(e.Data).RootElement;
            sink._mail.Enqueue(new SentMail(
                json.GetProperty("to").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                json.GetProperty("subject").GetString()!,
                json.GetProperty("body").GetString()!));
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return sink;
    }

    public async Task<SentMail> WaitForAsync(string to, Func<SentMail, bool>? match = null, int skip = 0)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            var found = _mail.Where(m => m.To.Contains(to) && (match?.Invoke(m) ?? true)).Skip(skip).FirstOrDefault();
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No e-mail to {to} arrived.");
    }

    public IReadOnlyList<SentMail> All => _mail.ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<bool> CanImportAsync(string python)
    {
        using var p = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false })!;
        await p.WaitForExitAsync();
        return p.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
