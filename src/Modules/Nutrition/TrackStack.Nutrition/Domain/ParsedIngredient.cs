namespace TrackStack.Nutrition.Domain;

/// <summary>An ingredient line taken apart: "1 ½ cups (190 g) all-purpose flour, sifted" is 1.5 cup, 190 g, food
/// "all-purpose flour", note "sifted". Quantity is null when the line gives none ("salt to taste"); a range
/// ("2-3 cloves") keeps both ends and counts as its middle. Grams is set only when the line itself says the
/// weight (a mass unit or a weight in brackets); a volume or a portion needs the food to weigh it.</summary>
internal sealed record ParsedIngredient(string Text, double? Quantity, double? QuantityMax, Measure? Unit, double? Grams, string Food, string? Note)
{
    /// <summary>The amount the maths uses: the middle of a range.</summary>
    public double? Amount => Quantity is { } q ? (QuantityMax is { } max ? (q + max) / 2 : q) : null;

    /// <summary>The weight of this line for a food with these units, or null when it cannot be known.</summary>
    public double? GramsFor(IReadOnlyList<FoodUnit> units) =>
        Grams ?? (Amount is { } amount ? UnitConversion.ToGrams(amount, Unit, units) : null);
}
