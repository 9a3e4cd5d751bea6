namespace TrackStack.Nutrition.Domain;

/// <summary>A food of a USDA FoodData Central export an operator imported ('nutrition import-fdc'): shared by every
/// household like the SR28 foods, keyed by its FDC id so a later import of a newer export updates it in place.
/// Values per 100 g; null where the export gives none.</summary>
internal sealed class ImportedFood
{
    public long FdcId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>FDC's data type: foundation_food, sr_legacy_food, survey_fndds_food, branded_food.</summary>
    public string DataType { get; set; } = "";
    public double? Kcal { get; set; }
    public double? Protein { get; set; }
    public double? Fat { get; set; }
    public double? SaturatedFat { get; set; }
    public double? Carbohydrate { get; set; }
    public double? Sugars { get; set; }
    public double? Fibre { get; set; }
    public double? SodiumMg { get; set; }
    public double? Alcohol { get; set; }

    /// <summary>The food's portions (food_portion.csv) as JSON (<see cref="FoodUnits"/>).</summary>
    public string Units { get; set; } = "[]";
    public DateTime ImportedAt { get; set; }

    public Food ToFood() => new(FoodId.OfImported(FdcId), Name, false,
        new Nutrients(Kcal, Protein, Fat, SaturatedFat, Carbohydrate, Sugars, Fibre, SodiumMg, Alcohol), FoodUnits.Read(Units));
}
