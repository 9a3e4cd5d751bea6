namespace TrackStack.Identity.Infrastructure;

/// <summary>One sign-in on one device: the family of refresh tokens that rotate from it.</summary>
internal sealed class Session
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? UserAgent { get; set; }
    public string? IpPrefix { get; set; }
}

internal sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>A single-use, expiring link token (verification, password reset), stored as a hash.</summary>
internal sealed class EmailToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Domain.EmailTokenPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
