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

    /// <summary>1 when recorded, +1 per change (the delete's event carries one more); sent with the purchase's
    /// events so consumers apply them in order, also two changes within the same millisecond. Checked on save:
    /// of two changes at once, the second is refused instead of sending the same version twice.</summary>
    public long Version { get; set; }
}
