using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace TrackStack.IntegrationTests.Infrastructure;

public sealed record SentMail(string[] To, string Subject, string Body)
{
    public string? Html { get; init; }
    public string ContentType { get; init; } = "text/plain";
    public IReadOnlyList<SentPart> Parts { get; init; } = [];

    /// <summary>The message came in a session upgraded with STARTTLS.</summary>
    public bool Tls { get; init; }

    /// <summary>The message exactly as the server received it (parse it with MimeKit).</summary>
    public byte[] Raw { get; init; } = [];
}

public sealed record SentPart(string ContentType, string? Charset, string? Disposition, string? FileName, string? ContentId, int Size);

/// <summary>An AUTH attempt the server saw, and whether the session was under TLS at that moment.</summary>
public sealed record AuthAttempt(string Mechanism, bool Tls, bool Ok);

/// <summary>TLS mode: the sink offers STARTTLS with this certificate (it needs its private key) and refuses mail
/// without it. Credentials: the sink offers AUTH (even before STARTTLS, so a client sending them in clear is seen).</summary>
public sealed record SmtpSinkOptions(X509Certificate2? Certificate = null, string? User = null, string? Password = null);

/// <summary>Runs smtp_sink.py (aiosmtpd) on a free loopback port and collects what TrackStack sends.
/// Skips when aiosmtpd is missing, except in CI (TRACKSTACK_REQUIRE_SMTP=1) where it fails.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _pemDir;
    private readonly ConcurrentQueue<SentMail> _mail = new();
    private readonly ConcurrentQueue<AuthAttempt> _auth = new();

    private SmtpSink(Process process, int port, string? pemDir)
    {
        _process = process;
        Port = port;
        _pemDir = pemDir;
    }

    public int Port { get; }

    public IReadOnlyList<AuthAttempt> AuthAttempts => _auth.ToList();

    /// <summary>A self-signed server certificate for 127.0.0.1 and localhost, made fresh for a test.</summary>
    public static X509Certificate2 CreateSelfSignedCertificate(string name = "TrackStack test SMTP")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    public static Task<SmtpSink> StartAsync() => StartAsync(new SmtpSinkOptions());

    public static async Task<SmtpSink> StartAsync(SmtpSinkOptions options)
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
        var arguments = new List<string> { script, port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        string? pemDir = null;
        if (options.Certificate is { } certificate)
        {
            pemDir = Directory.CreateTempSubdirectory("trackstack-smtp-tls-").FullName;
            var certPath = Path.Combine(pemDir, "cert.pem");
            var keyPath = Path.Combine(pemDir, "key.pem");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            using var key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The certificate needs its ECDSA private key.", nameof(options));
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
            arguments.AddRange(["--tls", certPath, keyPath]);
        }
        if (options.User is not null) arguments.AddRange(["--auth", options.User, options.Password ?? ""]);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(python, arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.Start();
        var sink = new SmtpSink(process, port, pemDir);
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data == "READY") { ready.TrySetResult(); return; }
            var json = JsonDocument.Parse(e.Data).RootElement;
            if (json.TryGetProperty("event", out var kind) && kind.GetString() == "auth")
            {
                sink._auth.Enqueue(new AuthAttempt(json.GetProperty("mechanism").GetString()!, json.GetProperty("tls").GetBoolean(), json.GetProperty("ok").GetBoolean()));
                return;
            }
            sink._mail.Enqueue(new SentMail(
                json.GetProperty("to").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                json.GetProperty("subject").GetString()!,
                json.GetProperty("body").GetString()!)
            {
                Html = json.GetProperty("html").GetString(),
                ContentType = json.GetProperty("contentType").GetString()!,
                Tls = json.GetProperty("tls").GetBoolean(),
                Raw = Convert.FromBase64String(json.GetProperty("raw").GetString()!),
                Parts = json.GetProperty("parts").EnumerateArray().Select(p => new SentPart(
                    p.GetProperty("contentType").GetString()!,
                    p.GetProperty("charset").GetString(),
                    p.GetProperty("disposition").GetString(),
                    p.GetProperty("fileName").GetString(),
                    p.GetProperty("contentId").GetString(),
                    p.GetProperty("size").GetInt32())).ToList(),
            });
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

    private bool _disposed;

    /// <summary>Stops the sink; a second call (a test that stops the server on purpose) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            if (_pemDir is not null) Directory.Delete(_pemDir, true);
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
