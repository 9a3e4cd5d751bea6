namespace TrackStack.Households.Domain;

internal sealed class Membership
{
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public HouseholdRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
    /// <summary>When the member last switched to (or signed in to) this household, on any device; null if never.</summary>
    public DateTime? LastUsedAt { get; set; }
}
