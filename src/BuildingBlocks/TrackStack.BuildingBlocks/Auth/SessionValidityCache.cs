using System.Collections.Concurrent;

namespace TrackStack.BuildingBlocks.Auth;

/// <summary>Recent answers to "is session X active?", each kept for at most <see cref="MaxAge"/>. A lookup is one
/// dictionary read and a timestamp comparison (no allocation); expired entries are swept once a minute on a write.
/// A session marked ended stays ended for its whole entry: an answer that was being fetched when the session ended
/// cannot bring it back.</summary>
public sealed class SessionValidityCache(TimeProvider clock)
{
    /// <summary>Under the 5-second promise, with room for the request that notices.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(4);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly long _maxAgeTicks = (long)(MaxAge.TotalSeconds * clock.TimestampFrequency);
    private long _nextSweep = clock.GetTimestamp() + (long)(SweepEvery.TotalSeconds * clock.TimestampFrequency);

    private readonly record struct Entry(bool Active, long Until);

    public int Count => _entries.Count;

    public bool TryGet(Guid sessionId, out bool active)
    {
        if (_entries.TryGetValue(sessionId, out var entry) && clock.GetTimestamp() < entry.Until)
        {
            active = entry.Active;
            return true;
        }
        active = false;
        return false;
    }

    public void Set(Guid sessionId, bool active)
    {
        var now = clock.GetTimestamp();
        var fresh = new Entry(active, now + _maxAgeTicks);
        _entries.AddOrUpdate(sessionId, fresh, (_, old) => active && !old.Active && old.Until > now ? old : fresh);
        SweepIfDue(now);
    }

    /// <summary>The session just ended in this process: refuse it from now on, without asking anyone.</summary>
    public void MarkEnded(Guid sessionId) => Set(sessionId, active: false);

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)(SweepEvery.TotalSeconds * clock.TimestampFrequency), due) != due) return;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Until <= now) _entries.TryRemove(new KeyValuePair<Guid, Entry>(id, entry));
        }
    }
}
