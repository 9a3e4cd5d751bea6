using System.Collections.Concurrent;

namespace TrackStack.Households.Infrastructure;

/// <summary>The memory behind <see cref="MembershipDirectory"/>. Each key has a generation that an invalidation moves
/// on; a value read from the database is kept only if no invalidation happened between the read and the store, so a
/// read that raced with a commit cannot put the old role back for the entry's lifetime.</summary>
internal sealed class MembershipCache(IMemoryCache cache)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<object, long> _generations = new();

    public bool TryGet<T>(object key, out T? value) => cache.TryGetValue(key, out value);

    public long Generation(object key) => _generations.GetValueOrDefault(key);

    /// <summary>Stores what was read at <paramref name="generation"/>, unless the key was invalidated since.</summary>
    public void Store<T>(object key, T value, long generation)
    {
        if (Generation(key) != generation) return;
        cache.Set(key, value, TimeToLive);
        // An invalidation between the check and the store: take the value out again.
        if (Generation(key) != generation) cache.Remove(key);
    }

    public void Invalidate(object key)
    {
        _generations.AddOrUpdate(key, 1, (_, g) => g + 1);
        cache.Remove(key);
    }
}
