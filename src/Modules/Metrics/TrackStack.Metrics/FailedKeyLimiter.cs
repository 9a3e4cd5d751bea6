using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace TrackStack.Metrics;

/// <summary>Counts the requests per client address whose key was unknown, revoked or expired. The per-key limit
/// gives every presented key its own window, so a caller trying made-up keys would never be slowed by it: once an
/// address has used up its failures for the minute, its requests get 429 before any key lookup. A key that
/// authenticated within the last minute is still looked up (and so still refused at once when revoked), so one
/// misconfigured device behind a shared address does not stop the working ones.</summary>
internal sealed class FailedKeyLimiter(IOptions<MetricsOptions> options, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlyGood = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedKeyAttemptsPerMinute,
            Window = Window,
            QueueLimit = 0,
        }));

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whether a request from the address with the key of this hash is refused without a lookup.</summary>
    public bool IsBlocked(string address, string keyHash) =>
        _failures.GetStatistics(address)?.CurrentAvailablePermits == 0
        && !(_recentlyGood.TryGetValue(keyHash, out var at) && clock.GetUtcNow() - at < Window);

    /// <summary>Records a failed attempt (a refused lease still counts: the window is used up).</summary>
    public void RecordFailure(string address)
    {
        using var _ = _failures.AttemptAcquire(address);
    }

    public void RecordSuccess(string keyHash)
    {
        var now = clock.GetUtcNow();
        if (_recentlyGood.Count >= MaxRemembered)
        {
            foreach (var (hash, at) in _recentlyGood)
            {
                if (now - at >= Window) _recentlyGood.TryRemove(hash, out _);
            }
        }
        if (_recentlyGood.Count < MaxRemembered) _recentlyGood[keyHash] = now;
    }

    public void Dispose() => _failures.Dispose();
}
