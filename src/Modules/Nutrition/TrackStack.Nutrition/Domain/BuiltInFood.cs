namespace TrackStack.Nutrition.Domain;

/// <summary>A generic food of USDA SR28 (public domain), shipped with the product and the same for every household
/// (so not household-owned). Values per 100 g edible portion; null where SR28 gives none.</summary>
internal sealed class BuiltInFood
{
    /// <summary>The SR28 NDB number, five digits ("01123").</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string FoodGroup { get; set; } = "";
    public double? Kcal { get; set; }
    public double? Protein { get; set; }
    public double? Fat { get; set; }
    public double? SaturatedFat { get; set; }
    public double? Carbohydrate { get; set; }
    public double? Sugars { get; set; }
    public double? Fibre { get; set; }
    public double? SodiumMg { get; set; }
    public double? Alcohol { get; set; }

    /// <summary>The household weights of SR28's WEIGHT table, as JSON (<see cref="FoodUnits"/>).</summary>
    public string Units { get; set; } = "[]";

    public Food ToFood() => new(FoodId.OfBuiltIn(Code), Name, false,
        new Nutrients(Kcal, Protein, Fat, SaturatedFat, Carbohydrate, Sugars, Fibre, SodiumMg, Alcohol), FoodUnits.Read(Units));
}
