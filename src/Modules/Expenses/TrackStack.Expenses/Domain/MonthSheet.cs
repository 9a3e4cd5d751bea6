namespace TrackStack.Expenses.Domain;

internal enum MonthStatus
{
    Open,
    Closed,
}

/// <summary>A month's sheet: its income snapshot and whether it still accepts changes.</summary>
internal sealed class MonthSheet : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }

    /// <summary>yyyyMM, e.g. 202611.</summary>
    public int Month { get; set; }
    public MonthStatus Status { get; set; }
    public long IncomeCents { get; set; }

    /// <summary>1 when the month opens, +1 per income change: sent with MonthIncomeSet so consumers apply it in order.</summary>
    public long IncomeVersion { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}
