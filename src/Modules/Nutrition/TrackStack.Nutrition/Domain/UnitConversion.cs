namespace TrackStack.Nutrition.Domain;

/// <summary>Turns a quantity in some unit into grams of one food. Mass converts directly; volume only through
/// the food's own volume units (its density: SR28's "1 cup" of flour is 125 g, of water 237 g); a portion only
/// through a food unit of that name. When the food gives no way, the answer is null: never a guess.</summary>
internal static class UnitConversion
{
    private static readonly (string Word, double Ml)[] VolumeWords =
    [
        ("fl oz", Measure.UsFluidOunceMl), ("cup", Measure.UsCupMl), ("cups", Measure.UsCupMl), ("tbsp", Measure.UsTablespoonMl),
        ("tsp", Measure.UsTeaspoonMl), ("ml", 1), ("liter", 1000), ("l", 1000), ("quart", 946.352946), ("pint", 473.176473),
    ];

    public static double? ToGrams(double quantity, Measure? unit, IReadOnlyList<FoodUnit> foodUnits)
    {
        if (quantity < 0 || double.IsNaN(quantity) || double.IsInfinity(quantity)) return null;
        if (unit is null) return CountUnit(foodUnits) is { } each ? quantity * each.Grams : null;
        return unit.Kind switch
        {
            MeasureKind.Mass => quantity * unit.Size,
            MeasureKind.Volume => GramsPerMl(foodUnits) is { } density ? quantity * unit.Size * density : null,
            _ => PortionUnit(unit.Name, foodUnits) is { } portion ? quantity * portion.Grams : null,
        };
    }

    /// <summary>The food's density in g/ml from its first volume unit ("cup" before "cup, chopped" when both exist).</summary>
    public static double? GramsPerMl(IReadOnlyList<FoodUnit> units)
    {
        var volume = units.Select(u => (Unit: u, Ml: VolumeMl(u.Name))).Where(x => x.Ml is not null).ToList();
        if (volume.Count == 0) return null;
        var plain = volume.FirstOrDefault(x => !x.Unit.Name.Contains(',', StringComparison.Ordinal) && !x.Unit.Name.Contains('(', StringComparison.Ordinal));
        var chosen = plain.Unit is not null ? plain : volume[0];
        return chosen.Unit.Grams / chosen.Ml!.Value;
    }

    /// <summary>Millilitres of a unit named like "cup, chopped", "tbsp", "fl oz", "cup (4.86 large eggs)"; null when
    /// it is not a volume.</summary>
    public static double? VolumeMl(string unitName)
    {
        var name = unitName.Trim().ToLowerInvariant();
        foreach (var (word, ml) in VolumeWords)
        {
            if (name == word || name.StartsWith(word + " ", StringComparison.Ordinal) || name.StartsWith(word + ",", StringComparison.Ordinal)) return ml;
        }
        return null;
    }

    /// <summary>The unit for a bare count ("3 eggs"): a medium one when the food has it, else the first unit
    /// that is neither a volume nor a mass ("large", "fruit", "piece", "slice").</summary>
    public static FoodUnit? CountUnit(IReadOnlyList<FoodUnit> units)
    {
        var counted = units.Where(u => VolumeMl(u.Name) is null && !IsMass(u.Name)).ToList();
        return counted.FirstOrDefault(u => FirstWord(u.Name) == "medium")
            ?? counted.FirstOrDefault(u => FirstWord(u.Name) is "piece" or "serving")
            ?? counted.FirstOrDefault();
    }

    public static FoodUnit? PortionUnit(string portion, IReadOnlyList<FoodUnit> units)
    {
        var exact = units.FirstOrDefault(u => FirstWord(u.Name) == portion || FirstWord(u.Name) == portion + "s");
        if (exact is not null) return exact;
        // "1 piece" of a food that has only sizes ("large", "medium") is its count unit.
        return portion == "piece" ? CountUnit(units) : null;
    }

    private static bool IsMass(string name) => FirstWord(name) is "oz" or "lb" or "g" or "kg";

    private static string FirstWord(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        var end = n.IndexOfAny([' ', ',', '(']);
        return end < 0 ? n : n[..end];
    }
}
