namespace TrackStack.Nutrition;

public sealed record FoodUnitRequest(string? Name, double? Grams);

/// <summary>A household food. Basis "100g" (the default) or "serving": per-serving values need ServingGrams and
/// are stored per 100 g, with the serving kept as a unit. Kcal is required, the rest optional.</summary>
public sealed record FoodRequest(
    string? Name, string? Brand, string? Basis, double? ServingGrams, double? Kcal, double? Protein, double? Fat, double? SaturatedFat,
    double? Carbohydrate, double? Sugars, double? Fibre, double? SodiumMg, double? Alcohol, IReadOnlyList<FoodUnitRequest>? Units)
{
    internal FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Check(!string.IsNullOrWhiteSpace(Name) && Name.Trim().Length <= 200, "name", "Give the food a name of at most 200 characters.");
        errors.Check(Brand is null || Brand.Trim().Length <= 100, "brand", "The brand is at most 100 characters.");
        errors.Check(Basis is null or "100g" or "serving", "basis", "The basis is \"100g\" or \"serving\".");
        if (Basis == "serving") errors.Check(ServingGrams is > 0 and <= 5000, "servingGrams", "Say how many grams one serving weighs (at most 5,000).");
        else errors.Check(ServingGrams is null or (> 0 and <= 5000), "servingGrams", "A serving weighs more than 0 and at most 5,000 g.");
        var basisGrams = Basis == "serving" ? ServingGrams ?? 100 : 100;
        errors.Check(Kcal is { } k && k >= 0 && k / basisGrams * 100 <= 900.5, "kcal", "Give the energy in kcal (0 to 900 per 100 g: pure fat is 900).");
        foreach (var (field, value) in new[] { ("protein", Protein), ("fat", Fat), ("saturatedFat", SaturatedFat), ("carbohydrate", Carbohydrate), ("sugars", Sugars), ("fibre", Fibre), ("alcohol", Alcohol) })
            errors.Check(value is null || (value >= 0 && value / basisGrams * 100 <= 100.5), field, "Give grams from 0 up to the food's weight.");
        errors.Check(SodiumMg is null || (SodiumMg >= 0 && SodiumMg / basisGrams * 100 <= 40000), "sodiumMg", "Give sodium in mg (0 to 40,000 per 100 g).");
        errors.Check(SaturatedFat is null || Fat is null || SaturatedFat <= Fat + 0.01, "saturatedFat", "Saturated fat is part of the fat: it cannot be more.");
        errors.Check(Sugars is null || Carbohydrate is null || Sugars <= Carbohydrate + 0.01, "sugars", "Sugars are part of the carbohydrate: they cannot be more.");
        errors.Check(Units is null || Units.Count <= 20, "units", "At most 20 units.");
        if (Units is not null)
            errors.Check(Units.All(u => u is not null && !string.IsNullOrWhiteSpace(u.Name) && u.Name.Trim().Length <= 60 && u.Grams is > 0 and <= 10000), "units",
                "Each unit has a name (at most 60 characters) and its weight in grams (more than 0, at most 10,000).");
        return errors;
    }

    internal void ApplyTo(HouseholdFood food, DateTime now)
    {
        var factor = Basis == "serving" ? 100 / ServingGrams!.Value : 1;
        double? Per100(double? v) => v is { } x ? Math.Round(x * factor, 3) : null;
        food.Name = Name!.Trim();
        food.Brand = string.IsNullOrWhiteSpace(Brand) ? null : Brand.Trim();
        food.Kcal = Per100(Kcal)!.Value;
        food.Protein = Per100(Protein);
        food.Fat = Per100(Fat);
        food.SaturatedFat = Per100(SaturatedFat);
        food.Carbohydrate = Per100(Carbohydrate);
        food.Sugars = Per100(Sugars);
        food.Fibre = Per100(Fibre);
        food.SodiumMg = Per100(SodiumMg);
        food.Alcohol = Per100(Alcohol);
        var units = (Units ?? []).Select(u => new FoodUnit(u.Name!.Trim(), u.Grams!.Value)).ToList();
        if (ServingGrams is { } serving && !units.Any(u => u.Name == "serving")) units.Insert(0, new FoodUnit("serving", serving));
        food.Units = FoodUnits.Write(units);
        food.UpdatedAt = now;
    }
}
