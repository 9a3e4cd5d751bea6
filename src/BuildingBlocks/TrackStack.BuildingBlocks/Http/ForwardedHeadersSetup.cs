using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks;

/// <summary>Believes X-Forwarded-For and X-Forwarded-Proto only from loopback and the configured proxies, so
/// behind an HTTPS reverse proxy the app sees the real scheme (Secure cookies) and client address (rate limits).</summary>
internal static class ForwardedHeadersSetup
{
    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool TryParse(string text, out IPAddress? address, out System.Net.IPNetwork? network)
    {
        address = null;
        network = null;
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (!System.Net.IPNetwork.TryParse(text, out var parsed)) return false;
            network = parsed;
            return true;
        }
        return IPAddress.TryParse(text, out address);
    }

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, string? trusted)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 2;
            foreach (var entry in Split(trusted))
            {
                if (!TryParse(entry, out var ip, out var net)) continue; // reported by the options validator
                if (ip is not null) o.KnownProxies.Add(ip);
                if (net is { } n) o.KnownIPNetworks.Add(n);
            }
        });
        return services;
    }
}
