namespace TrackStack.Households.Domain;

internal sealed class Invite
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Email { get; set; } = "";
    public HouseholdRole Role { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
