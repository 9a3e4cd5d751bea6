namespace TrackStack.Heating;

public sealed record HeatingSettingsResponse(
    string Fuel, string Unit, string UnitLabel, double? UnitSizeKg, double KwhPerUnit, bool MeterBased,
    int SeasonStartMonth, int SeasonStartDay, double BaseTemperatureC, string BaseMode,
    double? Latitude, double? Longitude, bool WeatherEnabled, IReadOnlyList<string> UnitsForFuel, DateTime UpdatedAt);

internal static class HeatingSettingsMapping
{
    public static HeatingSettingsResponse ToResponse(this HeatingSettings s) => new(
        s.Fuel.Wire(), s.Unit.Wire(), FuelCatalog.Label(s.Unit, s.UnitSizeKg), s.UnitSizeKg, s.KwhPerUnit, s.MeterBased,
        s.SeasonStartMonth, s.SeasonStartDay, s.BaseTemperatureC, s.BaseMode == BaseMode.Fit ? "fit" : "fixed",
        s.Latitude, s.Longitude, s.WeatherEnabled, FuelCatalog.UnitsFor(s.Fuel).Select(u => u.Wire()).ToList(), s.UpdatedAt);
}
