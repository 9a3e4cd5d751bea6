namespace TrackStack.Heating.Domain;

/// <summary>Per-household heating settings: one row, stored by the first change. Until then the defaults apply.</summary>
internal sealed class HeatingSettings : IHouseholdOwned
{
    public const double DefaultBaseTemperatureC = 15.5;

    public Guid HouseholdId { get; set; }
    public Fuel Fuel { get; set; } = Fuel.WoodPellets;
    public FuelUnit Unit { get; set; } = FuelUnit.Bag;
    public double? UnitSizeKg { get; set; } = FuelCatalog.DefaultBagKg;
    public double KwhPerUnit { get; set; } = 4.8 * FuelCatalog.DefaultBagKg;
    public bool MeterBased { get; set; }
    public int SeasonStartMonth { get; set; } = 9;
    public int SeasonStartDay { get; set; } = 1;
    public double BaseTemperatureC { get; set; } = DefaultBaseTemperatureC;
    public BaseMode BaseMode { get; set; } = BaseMode.Fixed;
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool WeatherEnabled { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static HeatingSettings Defaults(Guid householdId, DateTime now) => new() { HouseholdId = householdId, UpdatedAt = now };

    public FuelProfile Profile => new(Fuel, Unit, UnitSizeKg, KwhPerUnit, MeterBased);

    public SeasonStart SeasonStart => new(SeasonStartMonth, SeasonStartDay);
}
