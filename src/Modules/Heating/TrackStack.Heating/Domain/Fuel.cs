namespace TrackStack.Heating.Domain;

/// <summary>What the household burns (or buys as energy).</summary>
internal enum Fuel
{
    WoodPellets,
    NaturalGas,
    HeatingOil,
    Firewood,
    Electricity,
    DistrictHeat,
}

/// <summary>The unit quantities are recorded in.</summary>
internal enum FuelUnit
{
    Bag,
    Kg,
    M3,
    Litre,
    KWh,
    Stere,
}

/// <summary>Wire names (camelCase, as in the JSON API and the events) and the per-fuel defaults.</summary>
internal static class FuelCatalog
{
    public const double DefaultBagKg = 15;

    /// <summary>Net calorific values used as defaults (kWh per kg) for solid and liquid fuels sold by mass.</summary>
    private static readonly Dictionary<Fuel, double> KwhPerKg = new()
    {
        [Fuel.WoodPellets] = 4.8,  // ENplus A1 requires ≥ 4.6 kWh/kg; 4.8 is typical
        [Fuel.Firewood] = 4.0,     // air-dried hardwood, ~20 % moisture
        [Fuel.HeatingOil] = 11.8,
    };

    /// <summary>Units that make sense for each fuel; the first is the default.</summary>
    private static readonly Dictionary<Fuel, FuelUnit[]> Units = new()
    {
        [Fuel.WoodPellets] = [FuelUnit.Bag, FuelUnit.Kg],
        [Fuel.NaturalGas] = [FuelUnit.M3, FuelUnit.KWh],
        [Fuel.HeatingOil] = [FuelUnit.Litre, FuelUnit.Kg],
        [Fuel.Firewood] = [FuelUnit.Stere, FuelUnit.Kg, FuelUnit.Bag],
        [Fuel.Electricity] = [FuelUnit.KWh],
        [Fuel.DistrictHeat] = [FuelUnit.KWh],
    };

    public static string Wire(this Fuel fuel) => fuel switch
    {
        Fuel.WoodPellets => "woodPellets",
        Fuel.NaturalGas => "naturalGas",
        Fuel.HeatingOil => "heatingOil",
        Fuel.Firewood => "firewood",
        Fuel.Electricity => "electricity",
        Fuel.DistrictHeat => "districtHeat",
        _ => throw new ArgumentOutOfRangeException(nameof(fuel)),
    };

    public static string Wire(this FuelUnit unit) => unit switch
    {
        FuelUnit.Bag => "bag",
        FuelUnit.Kg => "kg",
        FuelUnit.M3 => "m3",
        FuelUnit.Litre => "litre",
        FuelUnit.KWh => "kWh",
        FuelUnit.Stere => "stere",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static Fuel? ParseFuel(string? value) =>
        Enum.GetValues<Fuel>().Cast<Fuel?>().FirstOrDefault(f => string.Equals(f!.Value.Wire(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static FuelUnit? ParseUnit(string? value) =>
        Enum.GetValues<FuelUnit>().Cast<FuelUnit?>().FirstOrDefault(u => string.Equals(u!.Value.Wire(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<FuelUnit> UnitsFor(Fuel fuel) => Units[fuel];

    public static FuelUnit DefaultUnit(Fuel fuel) => Units[fuel][0];

    /// <summary>Gas, electricity and district heat come through a meter: entries are meter readings.</summary>
    public static bool DefaultMeterBased(Fuel fuel) => fuel is Fuel.NaturalGas or Fuel.Electricity or Fuel.DistrictHeat;

    /// <summary>Default energy content of one unit of a fuel, or null when the combination needs a unit size
    /// that is missing (a bag without its weight).</summary>
    public static double? DefaultKwhPerUnit(Fuel fuel, FuelUnit unit, double? unitSizeKg) => (fuel, unit) switch
    {
        (_, FuelUnit.KWh) => 1,
        (Fuel.NaturalGas, FuelUnit.M3) => 10.55,
        (Fuel.HeatingOil, FuelUnit.Litre) => 10.0,
        (Fuel.Firewood, FuelUnit.Stere) => 1700,
        (_, FuelUnit.Kg) when KwhPerKg.TryGetValue(fuel, out var perKg) => perKg,
        (_, FuelUnit.Bag) when KwhPerKg.TryGetValue(fuel, out var perKg) && unitSizeKg is > 0 => perKg * unitSizeKg.Value,
        _ => null,
    };

    /// <summary>"bag (15 kg)", "m3", "kWh".</summary>
    public static string Label(FuelUnit unit, double? unitSizeKg) =>
        unit == FuelUnit.Bag && unitSizeKg is { } kg ? $"bag ({kg.ToString("0.##", CultureInfo.InvariantCulture)} kg)" : unit.Wire();
}

/// <summary>The household's fuel as the maths sees it: unit, energy per unit and whether entries are meter readings.</summary>
internal sealed record FuelProfile(Fuel Fuel, FuelUnit Unit, double? UnitSizeKg, double KwhPerUnit, bool MeterBased)
{
    public string UnitLabel => FuelCatalog.Label(Unit, UnitSizeKg);

    /// <summary>Converts a quantity in another unit (a purchase in kg when refills are in bags) into this
    /// profile's unit, or null when there is no sensible conversion.</summary>
    public double? ToProfileUnits(double quantity, FuelUnit unit)
    {
        if (unit == Unit) return quantity;
        if (unit == FuelUnit.Kg && Unit == FuelUnit.Bag && UnitSizeKg is > 0) return quantity / UnitSizeKg.Value;
        if (unit == FuelUnit.Bag && Unit == FuelUnit.Kg && UnitSizeKg is > 0) return quantity * UnitSizeKg.Value;
        var kwhPerOtherUnit = unit == FuelUnit.KWh ? 1 : FuelCatalog.DefaultKwhPerUnit(Fuel, unit, UnitSizeKg);
        if (kwhPerOtherUnit is null || !FuelCatalog.UnitsFor(Fuel).Contains(unit)) return null;
        return quantity * kwhPerOtherUnit.Value / KwhPerUnit;
    }
}
