namespace TrackStack.Identity.Domain;

/// <summary>A single-use, expiring link token (verification, password reset), stored as a hash.</summary>
internal sealed class EmailToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public EmailTokenPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
