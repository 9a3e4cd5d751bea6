namespace TrackStack.Households.Domain;

internal sealed class Membership
{
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public HouseholdRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}
