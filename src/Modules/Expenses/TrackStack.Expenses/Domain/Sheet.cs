namespace TrackStack.Expenses.Domain;

internal enum MonthStatus
{
    Open,
    Closed,
}

/// <summary>A month's sheet: its income snapshot and whether it still accepts changes.</summary>
internal sealed class MonthSheet
{
    public Guid HouseholdId { get; set; }

    /// <summary>yyyyMM, e.g. 202611.</summary>
    public int Month { get; set; }
    public MonthStatus Status { get; set; }
    public long IncomeCents { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>A bill to check off every month (rent, insurance, ...).</summary>
internal sealed class ChecklistTemplate
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Title { get; set; } = "";
    public long AmountCents { get; set; }
    public Guid? CategoryId { get; set; }
    public int? DueDay { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
}

internal enum ObligationStatus
{
    Pending,
    Done,
}

/// <summary>A checklist template copied into one month. Ticking it records its entry.</summary>
internal sealed class Obligation
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
