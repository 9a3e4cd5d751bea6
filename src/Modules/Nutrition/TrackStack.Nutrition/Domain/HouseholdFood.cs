namespace TrackStack.Nutrition.Domain;

/// <summary>A food the household added (a product, a family bread), shared by its members. Stored per 100 g
/// whatever basis it was typed in; a per-serving entry keeps the serving as a unit.</summary>
internal sealed class HouseholdFood : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public string? Brand { get; set; }
    public double Kcal { get; set; }
    public double? Protein { get; set; }
    public double? Fat { get; set; }
    public double? SaturatedFat { get; set; }
    public double? Carbohydrate { get; set; }
    public double? Sugars { get; set; }
    public double? Fibre { get; set; }
    public double? SodiumMg { get; set; }
    public double? Alcohol { get; set; }
    public string Units { get; set; } = "[]";

    /// <summary>The product's EAN/UPC when it came from a barcode lookup.</summary>
    public string? Barcode { get; set; }

    /// <summary>Where the values come from when not typed in (Open Food Facts' ODbL attribution), shown with the food.</summary>
    public string? Attribution { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public Nutrients Per100g => new(Kcal, Protein, Fat, SaturatedFat, Carbohydrate, Sugars, Fibre, SodiumMg, Alcohol);

    public Food ToFood() => new(FoodId.OfHousehold(Id), Name, true, Per100g, FoodUnits.Read(Units));
}
