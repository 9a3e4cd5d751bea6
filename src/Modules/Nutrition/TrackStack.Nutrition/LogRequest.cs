namespace TrackStack.Nutrition;

/// <summary>Something eaten. Exactly one of: FoodId with Grams or Quantity and Unit (one of the food's units or a
/// mass or volume word); RecipeId with Servings, or Grams of the cooked dish when the recipe has its cooked weight; or a quick add with Label and Kcal (macros optional). Meal is one
/// of breakfast, lunch, dinner, snacks or the household's own name (at most 40 characters). Id: the client's
/// UUID for offline logging (the same id again is answered with the stored entry).</summary>
public sealed record LogRequest(
    Guid? Id, DateOnly? Date, string? Meal, string? FoodId, double? Grams, double? Quantity, string? Unit,
    Guid? RecipeId, double? Servings, string? Label, double? Kcal, double? Protein, double? Fat, double? Carbohydrate);
