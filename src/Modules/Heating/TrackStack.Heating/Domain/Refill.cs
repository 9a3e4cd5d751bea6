namespace TrackStack.Heating.Domain;

/// <summary>Fuel put into the stove or boiler (quantity), or a meter reading for metered fuels. The id may be
/// the client's (an offline queue replays its creates).</summary>
internal sealed class Refill : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public DateOnly Date { get; set; }
    public double? Quantity { get; set; }
    public double? MeterReading { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}
