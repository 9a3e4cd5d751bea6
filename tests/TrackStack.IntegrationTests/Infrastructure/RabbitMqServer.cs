using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>A real RabbitMQ broker (Debian's rabbitmq-server) of one test: its own node, epmd and free ports on
/// 127.0.0.1, its data in a temp dir, stopped by PID. It can be stopped and started again on the same data (an outage).
/// Skips when the server is not installed, except in CI (TRACKSTACK_REQUIRE_RABBITMQ=1) where it fails. Tests that never
/// stop the broker may share the one CI started (TRACKSTACK_TEST_RABBITMQ, an AMQP URI) through <see cref="SharedAsync"/>;
/// each test names its own exchange, so their queues never meet.</summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string EnvRequire = "TRACKSTACK_REQUIRE_RABBITMQ";
    public const string EnvConnection = "TRACKSTACK_TEST_RABBITMQ";
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private readonly string _home = Directory.CreateTempSubdirectory("trackstack-rabbitmq-").FullName;
    private readonly int _port = PrometheusServer.FreePort();
    private readonly int _distPort = PrometheusServer.FreePort();
    private readonly int _epmdPort = PrometheusServer.FreePort();
    private readonly string _node = $"ts{Guid.NewGuid():N}"[..14] + "@localhost";
    private Process? _epmd;
    private Process? _server;

    private readonly string? _shared;

    private RabbitMqServer(string? shared = null) => _shared = shared;

    public string ConnectionString => _shared ?? $"amqp://guest:guest@127.0.0.1:{_port}/";

    /// <summary>The broker CI runs for the whole suite when there is one, else one of this test's own.</summary>
    public static Task<RabbitMqServer> SharedAsync() =>
        Environment.GetEnvironmentVariable(EnvConnection) is { Length: > 0 } uri ? Task.FromResult(new RabbitMqServer(uri)) : StartAsync();

    /// <summary>The transport settings of a test on this broker, on an exchange of its own.</summary>
    public Dictionary<string, string?> Settings(string exchange) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:ConnectionString"] = ConnectionString,
        ["Messaging:RabbitMq:Exchange"] = exchange,
    };

    public static async Task<RabbitMqServer> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "rabbitmq-server")))
        {
            if (Environment.GetEnvironmentVariable(EnvRequire) == "1")
                throw new InvalidOperationException($"{Bin}/rabbitmq-server is required here but missing (apt-get install rabbitmq-server).");
            Assert.Skip($"{Bin}/rabbitmq-server is missing (apt-get install rabbitmq-server).");
        }
        var server = new RabbitMqServer();
        await File.WriteAllTextAsync(Path.Combine(server._home, "rabbitmq.conf"), $"listeners.tcp.1 = 127.0.0.1:{server._port}\nloopback_users = none\n");
        await File.WriteAllTextAsync(Path.Combine(server._home, "enabled_plugins"), "[].");
        try
        {
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Starts the node (again, on the same data after <see cref="StopAsync"/>) and waits until it takes AMQP connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_shared is not null) throw new InvalidOperationException("The shared broker is not this test's to start.");
        // Our own epmd, so it has a PID we stop (the one a node starts outlives it).
        _epmd ??= Start("/usr/bin/epmd", ["-port", _epmdPort.ToString(), "-address", "127.0.0.1"]);
        _server = Start(Path.Combine(Bin, "rabbitmq-server"), []);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await using var connection = await new ConnectionFactory { Uri = new Uri(ConnectionString) }.CreateConnectionAsync();
                return;
            }
            catch (BrokerUnreachableException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Stops the node by PID: TERM to the Erlang VM (its PID file) shuts the broker down cleanly in a second or
    /// two, and the start script exits with it (the script's own TERM handler does not reach the VM).</summary>
    public async Task StopAsync()
    {
        if (_shared is not null) throw new InvalidOperationException("The shared broker is not this test's to stop.");
        if (_server is null) return;
        var pidFile = Path.Combine(_home, "rabbit.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var vm))
        {
            Process.Start("kill", ["-TERM", vm.ToString()])!.WaitForExit();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _server.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _server.Kill(entireProcessTree: true);
        }
        File.Delete(pidFile);
        _server.Dispose();
        _server = null;
    }

    /// <summary>How many messages wait in a queue (a passive declare: fails if the queue does not exist).</summary>
    public async Task<uint> MessageCountAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(ConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        if (_shared is null)
        {
            await StopAsync();
            if (_epmd is { HasExited: false }) _epmd.Kill();
            _epmd?.Dispose();
        }
        try { Directory.Delete(_home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Process Start(string file, string[] args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // services-on-this-machine.md: run the broker as this user with everything under its own HOME, on loopback only.
        var env = info.Environment;
        env["HOME"] = _home;
        env["PATH"] = Bin + ":" + env["PATH"];
        env["RABBITMQ_NODENAME"] = _node;
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = _port.ToString();
        env["RABBITMQ_DIST_PORT"] = _distPort.ToString();
        env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        env["ERL_EPMD_PORT"] = _epmdPort.ToString();
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(_home, "rabbitmq.conf");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_home, "enabled_plugins");
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(_home, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(_home, "log");
        env["RABBITMQ_PID_FILE"] = Path.Combine(_home, "rabbit.pid");
        env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
