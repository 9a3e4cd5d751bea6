namespace TrackStack.Heating.Domain;

/// <summary>Per-household heating settings (one row, created with defaults on first read).</summary>
internal sealed class HeatingSettings
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

/// <summary>Fixed: the configured base temperature. Fit: the base (10–20 °C) whose regression has the best R².</summary>
internal enum BaseMode
{
    Fixed,
    Fit,
}

/// <summary>Fuel put into the stove or boiler (quantity), or a meter reading for metered fuels.</summary>
internal sealed class Refill
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

/// <summary>Fuel bought (delivered into storage), optionally with its price.</summary>
internal sealed class FuelPurchase
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
}

/// <summary>Daily mean outdoor temperature of one household's location.</summary>
internal sealed class DailyTemperature
{
    public Guid HouseholdId { get; set; }
    public DateOnly Date { get; set; }
    public double MeanC { get; set; }
    public TemperatureSource Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal enum TemperatureSource
{
    Manual,
    Import,
    OpenMeteo,
}
