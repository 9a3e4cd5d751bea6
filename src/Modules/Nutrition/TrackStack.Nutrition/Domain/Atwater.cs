namespace TrackStack.Nutrition.Domain;

/// <summary>The Atwater check of typed-in values: energy should be close to 4 kcal/g protein and carbohydrate,
/// 9 fat, 7 alcohol. Label values are rounded and fibre counts less, so only a gap over 15 % is worth a warning,
/// and it is a warning: the label may be right and the typed macros incomplete.</summary>
internal static class Atwater
{
    public const double Tolerance = 0.15;

    public static double Estimate(Nutrients n) => 4 * (n.Protein ?? 0) + 4 * (n.Carbohydrate ?? 0) + 9 * (n.Fat ?? 0) + 7 * (n.Alcohol ?? 0);

    /// <summary>A sentence for the user when kcal and macros disagree, else null (also when no macro is given).</summary>
    public static string? Warning(Nutrients n)
    {
        if (n.Kcal is not { } kcal || (n.Protein is null && n.Carbohydrate is null && n.Fat is null)) return null;
        var estimate = Estimate(n);
        var reference = Math.Max(kcal, estimate);
        if (reference <= 0 || Math.Abs(kcal - estimate) / reference <= Tolerance) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{kcal:0.#} kcal differs by more than 15 % from what the macros give ({estimate:0.#} kcal = 4 × protein + 4 × carbohydrate + 9 × fat + 7 × alcohol). Check the label.");
    }
}
