using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.Identity;

namespace TrackStack.UnitTests;

public sealed class SessionValidityCacheTests
{
    private sealed class SteppedClock : TimeProvider
    {
        public long Ticks = 1_000_000;
        public override long TimestampFrequency => 1000; // milliseconds
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += (long)by.TotalMilliseconds;
    }

    [Fact]
    public void An_answer_lives_for_at_most_the_max_age_which_is_under_five_seconds()
    {
        Assert.True(SessionValidityCache.MaxAge < TimeSpan.FromSeconds(5));
        var clock = new SteppedClock();
        var cache = new SessionValidityCache(clock);
        var id = Guid.NewGuid();
        Assert.False(cache.TryGet(id, out _));
        cache.Set(id, active: true);
        clock.Advance(SessionValidityCache.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.True(cache.TryGet(id, out var active) && active);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGet(id, out _));
    }

    [Fact]
    public void An_ended_session_is_not_revived_by_an_answer_fetched_before_it_ended()
    {
        var clock = new SteppedClock();
        var cache = new SessionValidityCache(clock);
        var id = Guid.NewGuid();
        cache.Set(id, active: true);
        cache.MarkEnded(id);
        cache.Set(id, active: true); // a database read that started before the revocation finishes late
        Assert.True(cache.TryGet(id, out var active) && !active);
        clock.Advance(SessionValidityCache.MaxAge);
        cache.Set(id, active: true); // a later read is believed again (the revocation rolled back)
        Assert.True(cache.TryGet(id, out active) && active);
    }

    [Fact]
    public void Expired_entries_are_swept()
    {
        var clock = new SteppedClock();
        var cache = new SessionValidityCache(clock);
        for (var i = 0; i < 100; i++) cache.Set(Guid.NewGuid(), active: true);
        clock.Advance(TimeSpan.FromMinutes(2));
        cache.Set(Guid.NewGuid(), active: true);
        Assert.Equal(1, cache.Count);
    }

    /// <summary>The per-request cost once an answer is cached: a dictionary read, no allocation, no database.</summary>
    [Fact]
    public async Task A_cached_answer_costs_no_allocation()
    {
        using var services = new ServiceCollection().BuildServiceProvider(); // no database: a miss would throw
        var validity = new SessionValidity(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        var check = new SessionCheck(Guid.NewGuid(), Guid.NewGuid(), "token");
        validity.MarkEnded(check.SessionId);
        Assert.False(await validity.IsActiveAsync(check, CancellationToken.None));
        var wrong = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            if (await validity.IsActiveAsync(check, CancellationToken.None)) wrong++;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, wrong);
        Assert.Equal(0, allocated);
    }
}
