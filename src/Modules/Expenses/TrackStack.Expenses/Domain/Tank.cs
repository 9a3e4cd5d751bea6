namespace TrackStack.Expenses.Domain;

/// <summary>A budget "tank": a share of the income that a group of categories draws from.</summary>
internal sealed class Tank : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal RatioPercent { get; set; }
    public int SortOrder { get; set; }
}
