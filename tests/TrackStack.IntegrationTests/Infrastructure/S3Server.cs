using System.Diagnostics;
using System.Net.Sockets;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>s3rver (npm, installed by <c>npm ci</c> in tests/tools) on a free loopback port with a temporary folder
/// and one bucket, stopped by its PID. Skips when node or s3rver is missing, except in CI (TRACKSTACK_REQUIRE_S3=1)
/// where it fails. s3rver takes any signature made with its fixed credentials S3RVER / S3RVER.</summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string Bucket = "backups";
    private readonly Process _process;
    private readonly string _dir;

    private S3Server(Process process, string dir, int port)
    {
        (_process, _dir, Port) = (process, dir, port);
    }

    public int Port { get; }
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The settings that point TrackStack's S3 backups at this server.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["TrackStack__Backup__S3__ServiceUrl"] = ServiceUrl,
        ["TrackStack__Backup__S3__ForcePathStyle"] = "true",
        ["TrackStack__Backup__S3__Region"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
    };

    public static async Task<S3Server> StartAsync()
    {
        var script = Path.Combine(Fixtures.RepositoryRoot(), "tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        var missing = !File.Exists(script) ? $"{script} is missing (cd tests/tools && npm ci)" : Which("node") is null ? "node is not on PATH" : null;
        if (missing is not null)
        {
            if (Environment.GetEnvironmentVariable("TRACKSTACK_REQUIRE_S3") == "1") throw new InvalidOperationException($"The S3 tests are required here but {missing}.");
            Assert.Skip($"No local S3 server: {missing}.");
        }
        var dir = Directory.CreateTempSubdirectory("trackstack-s3-").FullName;
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("node", [script, "-d", dir, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3Server(process, dir, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("s3rver did not start.");
            }
        }
    }

    /// <summary>The names of the archives (and other objects) directly under the prefix, read through the same store the backups use.</summary>
    public async Task<List<string>> ListAsync(string prefix)
    {
        using var store = new TrackStack.BuildingBlocks.Backups.S3.S3BackupStore(Options);
        return [.. (await store.ListAsync(new(Bucket, prefix), CancellationToken.None)).Order(StringComparer.Ordinal)];
    }

    public async Task PutAsync(string key, string content)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, content);
        using var store = new TrackStack.BuildingBlocks.Backups.S3.S3BackupStore(Options);
        await store.UploadAsync(file, new(Bucket, key), CancellationToken.None);
        File.Delete(file);
    }

    private TrackStack.BuildingBlocks.Backups.BackupS3Options Options => new() { ServiceUrl = ServiceUrl, ForcePathStyle = true, Region = "us-east-1", AccessKeyId = "S3RVER", SecretAccessKey = "S3RVER" };

    /// <summary>The same endpoint as server settings (credentials as TrackStack settings rather than the SDK's variables).</summary>
    public Dictionary<string, string?> HostSettings => new()
    {
        ["Backup:S3:ServiceUrl"] = ServiceUrl, ["Backup:S3:ForcePathStyle"] = "true", ["Backup:S3:Region"] = "us-east-1",
        ["Backup:S3:AccessKeyId"] = "S3RVER", ["Backup:S3:SecretAccessKey"] = "S3RVER",
    };

    private static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, tool)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
