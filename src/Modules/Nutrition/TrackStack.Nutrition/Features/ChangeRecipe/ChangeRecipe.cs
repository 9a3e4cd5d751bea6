namespace TrackStack.Nutrition.Features.ChangeRecipe;

internal static class ChangeRecipe
{
    public static void MapChangeRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapPut("/recipes/{recipeId:guid}", HandleAsync).WithSummary("Replace a recipe (its ingredient lines too)");

    internal static async Task<Results<Ok<RecipeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid recipeId, RecipeRequest request, NutritionDb db, FoodCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var recipe = await db.Recipes.FirstOrDefaultAsync(r => r.Id == recipeId, ct);
        if (recipe is null) return Problems.NotFound("Recipe");
        var errors = await request.ValidateAsync(catalog, ct);
        if (errors.Any) return errors.ToResult();
        request.ApplyTo(recipe, StoredTime.Now(clock));
        recipe.Version++;
        db.Ingredients.RemoveRange(await db.Ingredients.Where(i => i.RecipeId == recipeId).ToListAsync(ct));
        var rows = request.IngredientRows(recipe);
        db.Ingredients.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var (response, _, _) = await RecipeView.BuildAsync(recipe, rows, catalog, 1, ct);
        return TypedResults.Ok(response);
    }
}
