namespace TrackStack.Gateway;

/// <summary>The gateway's settings, <c>TrackStack__Gateway__...</c> (ADR 32).</summary>
public sealed class GatewayOptions
{
    public const string Section = "TrackStack:Gateway";

    /// <summary>Module name → base URL of the service that runs it (<c>TrackStack__Gateway__Modules__expenses=http://expenses:8080</c>).
    /// Modules given the same URL share one service. A module without one answers 503.</summary>
    public Dictionary<string, string> Modules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long <c>/health/ready</c> waits for each service's own <c>/health/ready</c>.</summary>
    public int HealthTimeoutSeconds { get; set; } = 2;

    public EdgeRateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Per client address, at the edge, before a request reaches any service.</summary>
public sealed class EdgeRateLimitOptions
{
    /// <summary>Register, sign-in, token, refresh, password reset and e-mail verification requests per minute (fixed window).</summary>
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Ingest requests (<c>/api/ingest</c>, <c>/api/v2/write</c>, <c>/write</c>) per minute (sliding window of six
    /// 10-second segments, so a burst does not lock a client out for a whole minute).</summary>
    public int IngestPerMinute { get; set; } = 6000;
}
