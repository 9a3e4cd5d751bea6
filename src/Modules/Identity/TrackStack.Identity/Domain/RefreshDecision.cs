namespace TrackStack.Identity.Domain;

internal enum RefreshDecision
{
    /// <summary>Valid: issue a successor and retire this token.</summary>
    Rotate,
    /// <summary>No such token.</summary>
    Unknown,
    Expired,
    /// <summary>The session was signed out or revoked.</summary>
    SessionRevoked,
    /// <summary>An already rotated token came back: someone holds a copy. Revoke the whole family.</summary>
    ReuseDetected,
    /// <summary>Rotated a moment ago (a second tab refreshing at the same time): refuse, but do not revoke.</summary>
    RecentlyRotated,
}

/// <summary>The rotation rules of refresh tokens, free of storage concerns.</summary>
internal static class RefreshRules
{
    /// <summary>How long after a rotation the old token still counts as a racing tab rather than a thief.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static RefreshDecision Decide(bool found, DateTime? usedAt, DateTime expiresAt, DateTime? sessionRevokedAt, DateTime now)
    {
        if (!found) return RefreshDecision.Unknown;
        if (sessionRevokedAt is not null) return RefreshDecision.SessionRevoked;
        if (usedAt is not null) return now - usedAt.Value <= Grace ? RefreshDecision.RecentlyRotated : RefreshDecision.ReuseDetected;
        if (expiresAt <= now) return RefreshDecision.Expired;
        return RefreshDecision.Rotate;
    }
}
