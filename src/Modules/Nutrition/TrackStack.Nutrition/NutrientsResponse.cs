namespace TrackStack.Nutrition;

/// <summary>Amounts of the tracked nutrients (kcal, grams, sodium in mg), rounded for display; null is unknown.</summary>
public sealed record NutrientsResponse(
    double? Kcal, double? Protein, double? Fat, double? SaturatedFat, double? Carbohydrate, double? Sugars, double? Fibre, double? SodiumMg);

internal static class NutrientsMapping
{
    public static NutrientsResponse ToResponse(this Nutrients n) => new(
        R(n.Kcal, 0), R(n.Protein, 1), R(n.Fat, 1), R(n.SaturatedFat, 1), R(n.Carbohydrate, 1), R(n.Sugars, 1), R(n.Fibre, 1), R(n.SodiumMg, 0));

    private static double? R(double? v, int digits) => v is { } x ? Math.Round(x, digits, MidpointRounding.AwayFromZero) : null;
}
