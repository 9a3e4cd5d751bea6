namespace TrackStack.Identity.Domain;

/// <summary>One refresh token of a session's family, stored as a hash; used once, then rotated.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
