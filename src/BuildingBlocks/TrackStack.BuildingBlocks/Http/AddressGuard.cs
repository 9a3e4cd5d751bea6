using System.Net;
using System.Net.Sockets;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Which addresses a request made for a user (a recipe URL, an alert webhook) may reach. Private, loopback,
/// link-local, CGNAT, multicast and reserved ranges are the server's own network: refused unless the operator allows
/// them. Checked on the connection itself (every address the name resolves to, then the one connected), so a redirect
/// or a DNS answer cannot go around it.</summary>
public static class AddressGuard
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || b[0] >= 224);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            // An IPv4 address inside IPv6 is judged as that IPv4 address: NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0)) return IsPublic(new IPAddress(b[12..16]));
            if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b[2..6]));
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false; // 64:ff9b:1::/48, local-use NAT64
            if (b[..12].All(x => x == 0)) return false; // ::/96, the deprecated IPv4-compatible form
            if (b[0] == 0x01 && b[1..8].All(x => x == 0)) return false; // 100::/64, discard
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                || address.IsIPv6Teredo || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)); // 2001:db8::/32 documentation
        }
        return false;
    }

    /// <summary>The handler of an HttpClient that fetches for a user: every connection through the guard, no proxy
    /// (a proxy would be the only address the guard sees), no redirects (a caller that follows them does it itself,
    /// so each hop is guarded too).</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate, TimeSpan connectTimeout) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = connectTimeout,
        ConnectCallback = Connect(allowPrivate),
    };

    /// <summary>A SocketsHttpHandler ConnectCallback: resolves the host, refuses when any address is not public (unless
    /// allowed), and connects to the checked addresses only.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivate) => async (context, ct) =>
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new RefusedAddressException($"{host} has no address.");
        if (!allowPrivate && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
            throw new RefusedAddressException($"{host} is a private or local address ({refused}); this server does not fetch from its own network.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };
}

/// <summary>The guard refused a connection; HttpClient hands it on as the InnerException of an HttpRequestException.
/// The message names the host and why, and is safe to show to the user who gave the address.</summary>
public sealed class RefusedAddressException(string message) : Exception(message);
