using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Http;
using TrackStack.BuildingBlocks.Modules;

namespace TrackStack.Gateway;

/// <summary>The gateway's per-client limits on the routes the modules mark (<see cref="EdgeLimit"/>). They stop a flood at
/// the edge for every replica behind it; each service keeps its own limits (a replica counts only what reaches it).</summary>
internal static class EdgeRateLimits
{
    public const string Credentials = "edge-credentials";
    public const string Ingest = "edge-ingest";

    public static string? PolicyFor(EdgeLimit limit) => limit switch
    {
        EdgeLimit.Credentials => Credentials,
        EdgeLimit.Ingest => Ingest,
        _ => null,
    };

    public static IServiceCollection AddEdgeRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
            o.AddPolicy(Credentials, http => RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Limits(http).AuthPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            o.AddPolicy(Ingest, http => RateLimitPartition.GetSlidingWindowLimiter(Client(http), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Limits(http).IngestPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            }));
        });

    /// <summary>The client's address as UseForwardedHeaders left it (the real client behind a trusted proxy).</summary>
    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static EdgeRateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits;
}
