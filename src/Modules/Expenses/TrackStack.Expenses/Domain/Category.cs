namespace TrackStack.Expenses.Domain;

internal sealed class Category : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid TankId { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}
