namespace TrackStack.Nutrition.Domain;

/// <summary>The nutrients the module tracks, per 100 g of a food or as an amount eaten. A null is unknown (the
/// source does not say), which sums treat as nothing: a total is "at least" what the known values give.</summary>
internal readonly record struct Nutrients(
    double? Kcal, double? Protein, double? Fat, double? SaturatedFat, double? Carbohydrate,
    double? Sugars, double? Fibre, double? SodiumMg, double? Alcohol)
{
    public static readonly Nutrients Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>What <paramref name="grams"/> of a food with these values per 100 g hold.</summary>
    public Nutrients ForGrams(double grams) => Times(grams / 100);

    public Nutrients Times(double factor) => new(
        Kcal * factor, Protein * factor, Fat * factor, SaturatedFat * factor, Carbohydrate * factor,
        Sugars * factor, Fibre * factor, SodiumMg * factor, Alcohol * factor);

    public Nutrients Plus(Nutrients o) => new(
        Add(Kcal, o.Kcal), Add(Protein, o.Protein), Add(Fat, o.Fat), Add(SaturatedFat, o.SaturatedFat), Add(Carbohydrate, o.Carbohydrate),
        Add(Sugars, o.Sugars), Add(Fibre, o.Fibre), Add(SodiumMg, o.SodiumMg), Add(Alcohol, o.Alcohol));

    private static double? Add(double? a, double? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
