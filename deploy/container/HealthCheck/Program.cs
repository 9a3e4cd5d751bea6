using System.Net.Sockets;
using System.Text;

// healthcheck [url]: exit 0 when GET url (default http://127.0.0.1:8080/health/ready, or TRACKSTACK_HEALTHCHECK_URL)
// answers 200 within 3 s, else 1. Plain HTTP/1.1 over a socket: HttpClient would make this one request cost more
// start-up time than the check itself, and the container only ever asks its own loopback.
var url = new Uri(args.Length > 0 ? args[0]
    : Environment.GetEnvironmentVariable("TRACKSTACK_HEALTHCHECK_URL") is { Length: > 0 } fromEnv ? fromEnv
    : "http://127.0.0.1:8080/health/ready");
if (url.Scheme != Uri.UriSchemeHttp)
{
    Console.Error.WriteLine($"healthcheck: only http:// URLs are supported, not {url}");
    return 1;
}
try
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
    using var client = new TcpClient();
    await client.ConnectAsync(url.Host, url.Port, timeout.Token);
    await using var stream = client.GetStream();
    var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nConnection: close\r\nUser-Agent: trackstack-healthcheck\r\n\r\n";
    await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
    var buffer = new byte[256];
    var read = 0;
    while (read < 12)
    {
        var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
        if (n == 0) break;
        read += n;
    }
    var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    var ok = statusLine.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) || statusLine.StartsWith("HTTP/1.0 200", StringComparison.Ordinal);
    Console.WriteLine($"healthcheck: {url} -> {statusLine}");
    return ok ? 0 : 1;
}
catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
{
    Console.WriteLine($"healthcheck: {url} -> {ex.GetType().Name}: {ex.Message}");
    return 1;
}
