namespace TrackStack.Dashboards.Domain;

/// <summary>That a household was given its first dashboard, so deleting it does not bring it back. One row per
/// household, its key the household: two first lists at once insert it once, and only the one that did seeds.</summary>
internal sealed class DashboardSeeding : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public DateTime SeededAt { get; set; }
}
