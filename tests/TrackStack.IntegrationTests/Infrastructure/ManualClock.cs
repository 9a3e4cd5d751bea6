namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand (expiry, lockout). Access tokens keep real time: they are
/// validated against the system clock by the token library.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
