namespace TrackStack.Nutrition;

/// <summary>A weight of one of the food's own measures: "cup, chopped" = 160 g.</summary>
public sealed record FoodUnitResponse(string Name, double Grams);

/// <summary>A food, built-in (id "sr28:01123") or the household's (a UUID): values per 100 g, its units, whether the
/// member logged it lately, and for household foods the Atwater warning when kcal and macros disagree.</summary>
public sealed record FoodResponse(
    string Id, string Name, bool Household, string? Brand, double? Kcal, double? Protein, double? Fat, double? SaturatedFat,
    double? Carbohydrate, double? Sugars, double? Fibre, double? SodiumMg, double? Alcohol,
    IReadOnlyList<FoodUnitResponse> Units, bool Recent, IReadOnlyList<string> Warnings, long? Version, string? Barcode = null, string? Attribution = null);

internal static class FoodMapping
{
    public static FoodResponse ToResponse(this Food f, bool recent = false, string? brand = null, long? version = null) => new(
        f.Id, f.Name, f.Household, brand, f.Per100g.Kcal, f.Per100g.Protein, f.Per100g.Fat, f.Per100g.SaturatedFat,
        f.Per100g.Carbohydrate, f.Per100g.Sugars, f.Per100g.Fibre, f.Per100g.SodiumMg, f.Per100g.Alcohol,
        f.Units.Select(u => new FoodUnitResponse(u.Name, u.Grams)).ToList(), recent,
        f.Household && Atwater.Warning(f.Per100g) is { } w ? [w] : [], version);

    public static FoodResponse ToResponse(this HouseholdFood f) =>
        f.ToFood().ToResponse(brand: f.Brand, version: f.Version) with { Barcode = f.Barcode, Attribution = f.Attribution };
}
