namespace TrackStack.Nutrition.Features.GetRecipe;

internal static class GetRecipe
{
    private const double MaxFactor = 1_000;

    public static void MapGetRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/recipes/{recipeId:guid}", HandleAsync)
            .WithSummary("A recipe with its nutrition per serving; scaled by servings=N, or by one ingredient (ingredient=index&grams=G: \"I have 140 g of flour\")");

    internal static async Task<Results<Ok<RecipeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid recipeId, double? servings, int? ingredient, double? grams, NutritionDb db, FoodCatalog catalog, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(servings is null or (> 0 and <= 1000), "servings", "Scale to more than 0 and at most 1,000 servings.");
        errors.Check(servings is null || ingredient is null, "ingredient", "Scale by servings or by one ingredient, not both.");
        errors.Check((ingredient is null) == (grams is null), "grams", "Scaling by an ingredient needs both its index and the grams you have.");
        errors.Check(grams is null or (> 0 and <= 100000), "grams", "The grams you have are more than 0 and at most 100,000.");
        if (errors.Any) return errors.ToResult();
        var recipe = await db.Recipes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recipeId, ct);
        if (recipe is null) return Problems.NotFound("Recipe");
        var rows = await db.Ingredients.AsNoTracking().Where(i => i.RecipeId == recipeId).ToListAsync(ct);
        var (plain, nutrition, _) = await RecipeView.BuildAsync(recipe, rows, catalog, 1, ct);
        var factor = 1.0;
        if (servings is { } s) factor = s / recipe.Servings;
        if (ingredient is { } index)
        {
            if (index < 0 || index >= nutrition.Lines.Count || nutrition.Lines[index].Grams is not > 0)
                return new FieldErrors().Add("ingredient", "Pick an ingredient line that has a weight.").ToResult();
            factor = grams!.Value / nutrition.Lines[index].Grams!.Value;
            // A line of 0.001 g scaled to 100 kg is no recipe; and its sums must stay finite numbers.
            if (factor > MaxFactor)
                return new FieldErrors().Add("grams", $"That scales the recipe more than {MaxFactor:N0} times; pick a larger ingredient line.").ToResult();
        }
        if (factor == 1) return TypedResults.Ok(plain);
        var (scaled, _, _) = await RecipeView.BuildAsync(recipe, rows, catalog, factor, ct);
        return TypedResults.Ok(scaled);
    }
}
