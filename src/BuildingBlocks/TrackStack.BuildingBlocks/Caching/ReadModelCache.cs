using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace TrackStack.BuildingBlocks.Caching;

/// <summary>Hot read models (the month sheet, the heating summary, home cards) cached per module and household.
/// Every household has a generation per module; any write through that module's household routes, any event its
/// handlers apply to the household and any background job that changes it moves the generation on, and a cached
/// answer of an older generation is never served again: a write is visible in the next read. Entries also expire
/// after <see cref="MaxAge"/>, which bounds what another replica (whose writes this process does not see) may
/// serve.</summary>
public sealed class ReadModelCache(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<(string Module, Guid Household), long> _generations = new();

    /// <summary>Forgets every cached read model of the household in the module.</summary>
    public void Invalidate(string module, Guid householdId) =>
        _generations.AddOrUpdate((module, householdId), 1, (_, g) => g + 1);

    /// <summary>The cached answer for (module, household, key), or builds, caches and returns it. The generation is
    /// read before building, so an answer built while a write lands is filed under the old generation and dropped.</summary>
    public async Task<T> GetOrBuildAsync<T>(string module, Guid householdId, string key, Func<CancellationToken, Task<T>> build, CancellationToken ct)
        where T : class
    {
        var generation = _generations.GetValueOrDefault((module, householdId));
        var cacheKey = new Key(module, householdId, key, generation);
        if (cache.TryGetValue(cacheKey, out T? hit) && hit is not null) return hit;
        var built = await build(ct);
        cache.Set(cacheKey, built, MaxAge);
        return built;
    }

    private sealed record Key(string Module, Guid Household, string Name, long Generation);
}
