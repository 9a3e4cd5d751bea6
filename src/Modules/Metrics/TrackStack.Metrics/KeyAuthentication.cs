using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace TrackStack.Metrics;

/// <summary>What an API key established for a request: its household (whose scope is entered) and product.</summary>
internal sealed record KeyAccess(Guid KeyId, Guid HouseholdId, Guid ProductId, IReadOnlyList<string> Scopes);

/// <summary>The API-key path of the ingest and key-read endpoints. The key comes from <c>Authorization: Bearer</c>,
/// <c>Authorization: Token</c> (InfluxDB 2) or <c>X-Api-Key</c>; it is looked up by its SHA-256 on every request,
/// so a revoked or expired key fails on the very next one. These endpoints allow anonymous access for the
/// platform's session check (a key is not a session) and never read the session cookie, so the cookie and CSRF
/// rules of the rest of the API are untouched.</summary>
internal static class KeyAuthentication
{
    public const string RateLimitPolicy = "metrics-key";

    public static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        foreach (var scheme in (string[])["Bearer ", "Token "])
        {
            if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return authorization[scheme.Length..].Trim();
        }
        var header = request.Headers["X-Api-Key"].ToString().Trim();
        return header.Length > 0 ? header : null;
    }

    public static KeyAccess GetKeyAccess(this HttpContext http) =>
        http.Features.Get<KeyAccess>() ?? throw new InvalidOperationException("This endpoint is not behind the API-key filter.");

    /// <summary>The route group of key-authenticated endpoints needing <paramref name="scope"/>.</summary>
    public static RouteGroupBuilder MapKeyGroup(this IEndpointRouteBuilder app, string scope)
    {
        var group = app.MapGroup("").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        group.AddEndpointFilter(new KeyFilter(scope));
        return group;
    }

    /// <summary>A fixed one-second window per presented key (its hash; requests without one share the caller's address).</summary>
    public static void AddKeyRateLimit(this IServiceCollection services)
    {
        services.AddSingleton<FailedKeyLimiter>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, http =>
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.KeyRequestsPerSecond;
            var key = Presented(http.Request);
            var partition = key is null
                ? "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")
                : "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            });
        }));
    }

    private sealed class KeyFilter(string scope) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var presented = Presented(http.Request);
            if (presented is null) return Refuse(http, "An API key is required", "Send it as 'Authorization: Bearer <key>', 'Authorization: Token <key>' or 'X-Api-Key: <key>'.");
            if (!KeySecret.LooksLikeKey(presented)) return Refuse(http, "Unknown API key", "This is not a TrackStack API key (they start with tsk_).");

            var hash = KeySecret.Hash(presented);
            var failures = http.RequestServices.GetRequiredService<FailedKeyLimiter>();
            var address = FailedKeyLimiter.AddressOf(http);
            if (failures.IsBlocked(address, hash))
            {
                http.Response.Headers[HeaderNames.RetryAfter] = ((int)FailedKeyLimiter.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Problems.TooManyRequests("Too many requests with a wrong API key from this address; wait a minute.");
            }
            var db = http.RequestServices.GetRequiredService<MetricsDb>();
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            // The one lookup across households: the key names its household.
            var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, http.RequestAborted);
            var now = clock.GetUtcNow().UtcDateTime;
            if (key is null) return Fail("Unknown API key", "No key matches; it may have been mistyped or its product deleted.");
            if (key.RevokedAt is not null) return Fail("Revoked API key", "This key was revoked; create a new one.");
            if (key.ExpiresAt is { } expires && expires <= now) return Fail("Expired API key", $"This key expired at {expires:O}.");
            if (!key.Allows(scope)) return Problems.Forbidden($"This key has the scopes '{key.Scopes}'; this endpoint needs '{scope}'.");

            failures.RecordSuccess(hash);
            http.RequestServices.GetRequiredService<HouseholdScope>().Enter(key.HouseholdId);
            http.Features.Set(new KeyAccess(key.Id, key.HouseholdId, key.ProductId, key.ScopeList));
            // At most one write a minute per key: "last used" is for people, not an audit log.
            var stale = now.AddMinutes(-1);
            await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), http.RequestAborted);
            return await next(context);

            ProblemHttpResult Fail(string title, string detail)
            {
                failures.RecordFailure(address);
                return Refuse(http, title, detail);
            }
        }

        private static ProblemHttpResult Refuse(HttpContext http, string title, string detail)
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return Problems.Unauthorized(title, detail);
        }
    }
}
