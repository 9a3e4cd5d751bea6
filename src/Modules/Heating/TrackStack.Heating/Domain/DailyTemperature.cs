namespace TrackStack.Heating.Domain;

/// <summary>Daily mean outdoor temperature of one household's location.</summary>
internal sealed class DailyTemperature : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public DateOnly Date { get; set; }
    public double MeanC { get; set; }
    public TemperatureSource Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}
