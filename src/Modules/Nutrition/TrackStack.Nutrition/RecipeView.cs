using System.Text.Json;

namespace TrackStack.Nutrition;

/// <summary>Builds a recipe's answer: its lines parsed, linked foods fetched, the nutrition computed, and the
/// quantities scaled by <c>factor</c> (nutrition per serving does not change with scale; the total does).</summary>
internal static class RecipeView
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(RecipeResponse Response, RecipeNutritionResult Nutrition, IReadOnlyList<ParsedIngredient> Lines)> BuildAsync(
        Recipe recipe, IReadOnlyList<RecipeIngredient> rows, FoodCatalog catalog, double factor, CancellationToken ct)
    {
        var ordered = rows.OrderBy(r => r.Position).ToList();
        var foods = await catalog.FindManyAsync(ordered.Where(r => r.FoodId is not null).Select(r => r.FoodId!), ct);
        var parsed = ordered.Select(r => IngredientParser.Parse(r.Text)).ToList();
        var input = ordered.Select((r, i) => (parsed[i], r.FoodId is not null ? foods.GetValueOrDefault(r.FoodId) : null, r.Grams)).ToList();
        var nutrition = RecipeNutrition.Compute(input, recipe.Servings);
        var ingredients = ordered.Select((r, i) =>
        {
            var p = parsed[i];
            var line = nutrition.Lines[i];
            var food = input[i].Item2;
            return new IngredientResponse(r.Text, Scale(p.Quantity, factor), Scale(p.QuantityMax, factor), p.Unit?.Name, p.Food, p.Note,
                food?.Id, food?.Name, Scale(line.Grams, factor), Status(line.Status), line.Contribution?.Times(factor).ToResponse());
        }).ToList();
        var response = new RecipeResponse(recipe.Id, recipe.Title, recipe.Description, recipe.Servings, Math.Round(recipe.Servings * factor, 3), factor,
            recipe.TotalGrams is { } cooked ? Math.Round(cooked * factor, 1) : null,
            recipe.PrepMinutes, recipe.CookMinutes, Tags(recipe), recipe.SourceUrl,
            JsonSerializer.Deserialize<List<RecipeStepResponse>>(recipe.Steps, Json) ?? [],
            ingredients,
            new RecipeNutritionResponse(nutrition.PerServing.ToResponse(), nutrition.Total.Times(factor).ToResponse(), nutrition.CoveragePercent,
                Math.Round(nutrition.CoveredGrams * factor, 1), nutrition.UnlinkedLines, nutrition.UnweighedLines, CoverageSentence(nutrition)),
            recipe.Version, recipe.UpdatedAt, RecipePhotoResponse.Of(recipe));
        return (response, nutrition, parsed);
    }

    public static IReadOnlyList<string> Tags(Recipe recipe) => JsonSerializer.Deserialize<List<string>>(recipe.Tags) ?? [];

    private static double? Scale(double? v, double factor) => v is { } x ? Math.Round(x * factor, 3) : null;

    private static string Status(LineStatus s) => s switch
    {
        LineStatus.Counted => "counted",
        LineStatus.Unlinked => "unlinked",
        LineStatus.Unweighed => "unweighed",
        _ => "noAmount",
    };

    /// <summary>"Nutrition covers 92 % of the ingredients by weight; 2 lines unlinked."</summary>
    internal static string CoverageSentence(RecipeNutritionResult n)
    {
        var coverage = n.CoveragePercent is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"Nutrition covers {Math.Round(p):0} % of the ingredients by weight")
            : "No ingredient could be weighed";
        var notes = new List<string>();
        if (n.UnlinkedLines > 0) notes.Add(n.UnlinkedLines == 1 ? "1 line unlinked" : $"{n.UnlinkedLines} lines unlinked");
        if (n.UnweighedLines > 0) notes.Add(n.UnweighedLines == 1 ? "1 line without a weight" : $"{n.UnweighedLines} lines without a weight");
        return notes.Count == 0 ? coverage + "." : coverage + "; " + string.Join(", ", notes) + ".";
    }
}
