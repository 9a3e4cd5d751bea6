namespace TrackStack.Households.Domain;

internal sealed class Household
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "EUR";
    public string Locale { get; set; } = "en-GB";
    public bool IsPersonal { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

internal sealed class Membership
{
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public BuildingBlocks.Households.HouseholdRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}

internal sealed class Invite
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Email { get; set; } = "";
    public BuildingBlocks.Households.HouseholdRole Role { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
