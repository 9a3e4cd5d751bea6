namespace TrackStack.Expenses.Domain;

/// <summary>A bill to check off every month (rent, insurance, ...).</summary>
internal sealed class ChecklistTemplate : IHouseholdOwned
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
