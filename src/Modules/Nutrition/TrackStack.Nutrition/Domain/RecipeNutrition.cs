namespace TrackStack.Nutrition.Domain;

internal enum LineStatus { Counted, Unlinked, Unweighed, NoAmount }

/// <summary>One ingredient line's part in a recipe: its weight and what it adds, or why it adds nothing.</summary>
internal sealed record LineNutrition(LineStatus Status, double? Grams, Nutrients? Contribution);

/// <summary>A recipe's nutrition: the total, per serving (total ÷ servings) and how much of the ingredients'
/// weight it covers. Covered is the weight of lines counted; the known weight adds lines that have a weight
/// but no food ("200 g Mehl" unlinked), so 100 % means every weighed line is counted. Lines without any known
/// weight (an unlinked "2 cups stock", "salt to taste") are counted apart and named in the answer.</summary>
internal sealed record RecipeNutritionResult(
    Nutrients Total, Nutrients PerServing, IReadOnlyList<LineNutrition> Lines,
    double CoveredGrams, double KnownGrams, int UnlinkedLines, int UnweighedLines)
{
    public double? CoveragePercent => KnownGrams > 0 ? Math.Round(100 * CoveredGrams / KnownGrams, 1) : null;
}

internal static class RecipeNutrition
{
    /// <param name="gramsOverride">a weight the cook typed for a line, which wins over the parsed one.</param>
    public static RecipeNutritionResult Compute(IReadOnlyList<(ParsedIngredient Line, Food? Food, double? GramsOverride)> lines, double servings)
    {
        if (servings <= 0) throw new ArgumentOutOfRangeException(nameof(servings), "A recipe has at least some servings.");
        var total = Nutrients.Zero;
        var parts = new List<LineNutrition>(lines.Count);
        double covered = 0, known = 0;
        int unlinked = 0, unweighed = 0;
        foreach (var (line, food, gramsOverride) in lines)
        {
            var grams = gramsOverride ?? (food is not null ? line.GramsFor(food.Units) : line.Grams);
            if (food is null)
            {
                if (line.Amount is null && grams is null) { parts.Add(new(LineStatus.NoAmount, null, null)); continue; }
                unlinked++;
                if (grams is { } g) known += g;
                parts.Add(new(LineStatus.Unlinked, grams, null));
                continue;
            }
            if (grams is not { } weight)
            {
                if (line.Amount is null) { parts.Add(new(LineStatus.NoAmount, null, null)); continue; }
                unweighed++;
                parts.Add(new(LineStatus.Unweighed, null, null));
                continue;
            }
            var contribution = food.Per100g.ForGrams(weight);
            total = total.Plus(contribution);
            covered += weight;
            known += weight;
            parts.Add(new(LineStatus.Counted, weight, contribution));
        }
        return new RecipeNutritionResult(total, total.Times(1 / servings), parts, covered, known, unlinked, unweighed);
    }
}
