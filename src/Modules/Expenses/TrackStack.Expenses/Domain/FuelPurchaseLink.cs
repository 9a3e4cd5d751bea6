namespace TrackStack.Expenses.Domain;

/// <summary>What Expenses last heard about one heating purchase. Purchase events are handled one by one and may
/// arrive out of order after retries; an older event (by the purchase's version), or any event after the delete,
/// changes nothing.</summary>
internal sealed class FuelPurchaseLink : IHouseholdOwned
{
    public Guid PurchaseId { get; set; }
    public Guid HouseholdId { get; set; }
    public DateTime LastEventAt { get; set; }
    public bool Deleted { get; set; }

    /// <summary>The purchase's version in the last event applied; 0 for links from before versions existed.</summary>
    public long LastVersion { get; set; }

    /// <summary>Whether an event about the purchase with this version (0: an event from before versions, ordered by
    /// time as it used to be) is newer than what was applied.</summary>
    public bool Accepts(long version, DateTime occurredAt) =>
        !Deleted && (version > 0 ? version > LastVersion : LastVersion == 0 && occurredAt > LastEventAt);
}
