namespace TrackStack.Expenses.Domain;

internal enum ObligationStatus
{
    Pending,
    Done,
}

/// <summary>A checklist template copied into one month. Ticking it records its entry.</summary>
internal sealed class Obligation : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public int Month { get; set; }
    public Guid TemplateId { get; set; }
    public string Title { get; set; } = "";
    public long AmountCents { get; set; }
    public Guid? CategoryId { get; set; }
    public int? DueDay { get; set; }
    public ObligationStatus Status { get; set; }
    public Guid? EntryId { get; set; }
    public DateTime? DoneAt { get; set; }
}
