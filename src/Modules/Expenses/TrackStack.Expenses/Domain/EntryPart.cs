namespace TrackStack.Expenses.Domain;

/// <summary>One share of a split entry: its category and amount. The parts of an entry sum to the entry's amount,
/// and an entry with parts has no category of its own, so each part counts in its category exactly once.</summary>
internal sealed class EntryPart : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid EntryId { get; set; }
    public Guid CategoryId { get; set; }
    public long AmountCents { get; set; }

    /// <summary>The order the member gave the parts in.</summary>
    public int Position { get; set; }
}
