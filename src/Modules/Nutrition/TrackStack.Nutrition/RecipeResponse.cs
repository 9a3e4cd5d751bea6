namespace TrackStack.Nutrition;

public sealed record RecipeStepResponse(string? Section, string Text);

/// <summary>An ingredient line read back: as written, as parsed (scaled when the recipe is), the linked food, its
/// weight and what it adds to the whole recipe. Status: counted, unlinked (no food), unweighed (a food but no way
/// to weigh the amount: a volume of a food without volume units), noAmount ("salt to taste").</summary>
public sealed record IngredientResponse(
    string Text, double? Quantity, double? QuantityMax, string? Unit, string Food, string? Note,
    string? FoodId, string? FoodName, double? Grams, string Status, NutrientsResponse? Contribution);

/// <summary>Per serving = Σ(grams × value per 100 g ÷ 100) ÷ servings. CoveragePercent is the weight counted over the
/// weight known; the coverage sentence says it in words.</summary>
public sealed record RecipeNutritionResponse(
    NutrientsResponse PerServing, NutrientsResponse Total, double? CoveragePercent, double CoveredGrams, int UnlinkedLines, int UnweighedLines, string Coverage);

public sealed record RecipeResponse(
    Guid Id, string Title, string? Description, double Servings, double ScaledServings, double ScaleFactor, double? TotalGrams,
    int? PrepMinutes, int? CookMinutes, IReadOnlyList<string> Tags, string? SourceUrl, IReadOnlyList<RecipeStepResponse> Steps,
    IReadOnlyList<IngredientResponse> Ingredients, RecipeNutritionResponse Nutrition, long Version, DateTime UpdatedAt, RecipePhotoResponse? Photo);

/// <summary>A recipe's photo: its version (a content hash, new with each photo), its size in pixels (so a page keeps
/// room for it) and the address to load it from, the version in the query so a new photo is a new address.</summary>
public sealed record RecipePhotoResponse(string Version, int Width, int Height, string Url)
{
    internal static RecipePhotoResponse? Of(Recipe recipe) => recipe is { PhotoVersion: { } v, PhotoWidth: { } w, PhotoHeight: { } h }
        ? new RecipePhotoResponse(v, w, h, $"/api/households/{recipe.HouseholdId:D}/nutrition/recipes/{recipe.Id:D}/photo?v={v}")
        : null;
}

/// <summary>A recipe in the list: enough for a card (title, tags, kcal per serving).</summary>
public sealed record RecipeSummaryResponse(Guid Id, string Title, double Servings, IReadOnlyList<string> Tags, double? KcalPerServing, int? TotalMinutes);
