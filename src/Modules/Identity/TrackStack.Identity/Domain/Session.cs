namespace TrackStack.Identity.Domain;

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
