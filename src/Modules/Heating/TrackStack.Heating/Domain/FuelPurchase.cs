namespace TrackStack.Heating.Domain;

/// <summary>Fuel bought (delivered into storage), optionally with its price. The id may be the client's.</summary>
internal sealed class FuelPurchase : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public DateOnly Date { get; set; }
    public double Quantity { get; set; }
    public FuelUnit Unit { get; set; }
    public long? TotalPriceCents { get; set; }
    public string? Supplier { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}
