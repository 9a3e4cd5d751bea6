namespace TrackStack.Heating.Domain;

/// <summary>Fixed: the configured base temperature. Fit: the base (10–20 °C) whose regression has the best R².</summary>
internal enum BaseMode
{
    Fixed,
    Fit,
}
