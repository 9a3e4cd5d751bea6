namespace TrackStack.Nutrition.Features.AddRecipe;

internal static class AddRecipe
{
    public static void MapAddRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/recipes", HandleAsync).WithSummary("Add a recipe to the household's book; answers it with its nutrition");

    internal static async Task<Results<Created<RecipeResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, RecipeRequest request, HttpContext http, NutritionDb db, FoodCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var errors = await request.ValidateAsync(catalog, ct);
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var recipe = new Recipe { Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, CreatedBy = http.GetHouseholdAccess().UserId, Version = 1 };
        request.ApplyTo(recipe, now);
        var rows = request.IngredientRows(recipe);
        db.Recipes.Add(recipe);
        db.Ingredients.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var (response, _, _) = await RecipeView.BuildAsync(recipe, rows, catalog, 1, ct);
        return TypedResults.Created($"/api/households/{householdId}/nutrition/recipes/{recipe.Id}", response);
    }
}
