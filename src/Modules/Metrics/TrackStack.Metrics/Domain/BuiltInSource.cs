namespace TrackStack.Metrics.Domain;

/// <summary>One record of another module that feeds the built-in series (an expense entry, a diary entry, a
/// workout, a heating day), keyed like "expenses.entry:{id}". It remembers the newest version applied, also after
/// a delete (a tombstone), so a late or replayed older event changes nothing.</summary>
internal sealed class BuiltInSource : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public string SourceKey { get; set; } = "";
    public long Version { get; set; }
    public bool Deleted { get; set; }
    public DateTime UpdatedAt { get; set; }
}
