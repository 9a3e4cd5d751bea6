using TrackStack.Identity.Domain;

namespace TrackStack.UnitTests;

public sealed class RefreshRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_fresh_unused_token_rotates() =>
        Assert.Equal(RefreshDecision.Rotate, RefreshRules.Decide(true, null, Now.AddDays(1), null, Now));

    [Fact]
    public void A_used_token_is_reuse_even_before_it_expires() =>
        Assert.Equal(RefreshDecision.ReuseDetected, RefreshRules.Decide(true, Now.AddMinutes(-1), Now.AddDays(29), null, Now));

    [Fact]
    public void A_token_rotated_seconds_ago_is_a_racing_tab_not_a_thief()
    {
        Assert.Equal(RefreshDecision.RecentlyRotated, RefreshRules.Decide(true, Now.AddSeconds(-3), Now.AddDays(29), null, Now));
        Assert.Equal(RefreshDecision.ReuseDetected, RefreshRules.Decide(true, Now - RefreshRules.Grace - TimeSpan.FromSeconds(1), Now.AddDays(29), null, Now));
    }

    [Fact]
    public void A_revoked_session_wins_over_everything() =>
        Assert.Equal(RefreshDecision.SessionRevoked, RefreshRules.Decide(true, Now.AddMinutes(-1), Now.AddDays(-1), Now.AddHours(-1), Now));

    [Fact]
    public void An_expired_token_does_not_rotate() =>
        Assert.Equal(RefreshDecision.Expired, RefreshRules.Decide(true, null, Now, null, Now));

    [Fact]
    public void An_unknown_token_is_unknown() =>
        Assert.Equal(RefreshDecision.Unknown, RefreshRules.Decide(false, null, Now.AddDays(1), null, Now));
}
