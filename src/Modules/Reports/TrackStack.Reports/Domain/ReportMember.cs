namespace TrackStack.Reports.Domain;

/// <summary>A household member, projected from the Households events: who may receive the household's reports.</summary>
internal sealed class ReportMember : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public string Role { get; set; } = "";
}
