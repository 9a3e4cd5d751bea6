namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>The system clock until pinned to an instant: sign in on real time (access tokens are checked against
/// the system clock), then pin the host's "today" to a fixed date.</summary>
public sealed class PinnedClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public void Pin(DateTimeOffset at) => _pinned = at;

    public override DateTimeOffset GetUtcNow() => _pinned ?? System.GetUtcNow();
}
