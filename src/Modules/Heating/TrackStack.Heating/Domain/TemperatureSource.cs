namespace TrackStack.Heating.Domain;

/// <summary>Where a daily mean came from; a later value from any source replaces it.</summary>
internal enum TemperatureSource
{
    Manual,
    Import,
    OpenMeteo,
}
