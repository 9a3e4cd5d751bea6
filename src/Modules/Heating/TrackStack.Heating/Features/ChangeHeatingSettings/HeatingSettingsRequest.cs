namespace TrackStack.Heating.Features.ChangeHeatingSettings;

/// <summary>Missing fields take the defaults of the chosen fuel (unit, energy content, meter-based) or the
/// general defaults (season from 1 September, base 15.5 °C fixed, weather off).</summary>
public sealed record HeatingSettingsRequest(
    string? Fuel, string? Unit, double? UnitSizeKg, double? KwhPerUnit, bool? MeterBased,
    int? SeasonStartMonth, int? SeasonStartDay, double? BaseTemperatureC, string? BaseMode,
    double? Latitude, double? Longitude, bool? WeatherEnabled);

/// <summary>A request with the defaults filled in, checked: every field is valid when Read adds no error.</summary>
internal sealed record SettingsChange(
    Fuel Fuel, FuelUnit Unit, double? UnitSizeKg, double KwhPerUnit, bool MeterBased, int SeasonStartMonth, int SeasonStartDay,
    double BaseTemperatureC, BaseMode BaseMode, double? Latitude, double? Longitude, bool WeatherEnabled)
{
    /// <summary>The change, or null with the reasons in <paramref name="errors"/>.</summary>
    public static SettingsChange? Read(HeatingSettingsRequest request, FieldErrors errors)
    {
        var fuel = FuelCatalog.ParseFuel(request.Fuel);
        if (fuel is null)
        {
            errors.Add("fuel", $"fuel must be one of {string.Join(", ", Enum.GetValues<Fuel>().Select(f => f.Wire()))}.");
            return null;
        }
        var units = FuelCatalog.UnitsFor(fuel.Value);
        var unit = request.Unit is null ? FuelCatalog.DefaultUnit(fuel.Value) : FuelCatalog.ParseUnit(request.Unit);
        if (unit is null || !units.Contains(unit.Value))
        {
            errors.Add("unit", $"unit must be one of {string.Join(", ", units.Select(u => u.Wire()))} for {fuel.Value.Wire()}.");
            unit = FuelCatalog.DefaultUnit(fuel.Value);
        }
        double? unitSizeKg = null;
        if (unit == FuelUnit.Bag)
        {
            unitSizeKg = request.UnitSizeKg ?? FuelCatalog.DefaultBagKg;
            errors.Check(unitSizeKg is >= 0.1 and <= 1000, "unitSizeKg", "unitSizeKg (the weight of one bag) must be between 0.1 and 1000 kg.");
        }
        var kwhPerUnit = request.KwhPerUnit ?? FuelCatalog.DefaultKwhPerUnit(fuel.Value, unit.Value, unitSizeKg);
        if (kwhPerUnit is null) errors.Add("kwhPerUnit", "kwhPerUnit is required for this fuel and unit.");
        else errors.Check(kwhPerUnit is > 0 and <= 100_000 && double.IsFinite(kwhPerUnit.Value), "kwhPerUnit", "kwhPerUnit must be above 0 and at most 100000.");

        var month = request.SeasonStartMonth ?? SeasonStart.Default.Month;
        var day = request.SeasonStartDay ?? SeasonStart.Default.Day;
        if (SeasonStart.Check(month, day) is { } seasonError) errors.Add(month is < 1 or > 12 ? "seasonStartMonth" : "seasonStartDay", seasonError);

        var baseC = request.BaseTemperatureC ?? HeatingSettings.DefaultBaseTemperatureC;
        errors.Check(baseC is >= 0 and <= 30, "baseTemperatureC", "baseTemperatureC must be between 0 and 30 °C.");
        var baseMode = request.BaseMode?.Trim().ToLowerInvariant() switch
        {
            null or "fixed" => Domain.BaseMode.Fixed,
            "fit" => Domain.BaseMode.Fit,
            _ => (BaseMode?)null,
        };
        if (baseMode is null) errors.Add("baseMode", "baseMode must be fixed or fit.");

        errors.Check(request.Latitude is null or (>= -90 and <= 90), "latitude", "latitude must be between -90 and 90.");
        errors.Check(request.Longitude is null or (>= -180 and <= 180), "longitude", "longitude must be between -180 and 180.");
        if ((request.Latitude is null) != (request.Longitude is null))
        {
            errors.Add(request.Latitude is null ? "latitude" : "longitude", "Give both latitude and longitude, or neither.");
        }
        var weather = request.WeatherEnabled ?? false;
        if (weather && (request.Latitude is null || request.Longitude is null))
        {
            errors.Add("weatherEnabled", "Fetching temperatures needs the latitude and longitude of the home.");
        }
        if (errors.Any) return null;
        return new SettingsChange(fuel.Value, unit.Value, unitSizeKg, kwhPerUnit!.Value, request.MeterBased ?? FuelCatalog.DefaultMeterBased(fuel.Value),
            month, day, baseC, baseMode!.Value, request.Latitude, request.Longitude, weather);
    }

    public void ApplyTo(HeatingSettings settings, DateTime now)
    {
        settings.Fuel = Fuel;
        settings.Unit = Unit;
        settings.UnitSizeKg = UnitSizeKg;
        settings.KwhPerUnit = KwhPerUnit;
        settings.MeterBased = MeterBased;
        settings.SeasonStartMonth = SeasonStartMonth;
        settings.SeasonStartDay = SeasonStartDay;
        settings.BaseTemperatureC = BaseTemperatureC;
        settings.BaseMode = BaseMode;
        settings.Latitude = Latitude;
        settings.Longitude = Longitude;
        settings.WeatherEnabled = WeatherEnabled;
        settings.UpdatedAt = now;
    }
}
