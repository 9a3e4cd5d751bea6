namespace TrackStack.Heating.Domain;

/// <summary>The household's counter of day-figure events (HeatingDaysChanged.Version). Raising it first in a
/// write's transaction also makes concurrent writes of one household compute their figures one after the other.</summary>
internal sealed class FigureCounter : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public long Version { get; set; }
}
