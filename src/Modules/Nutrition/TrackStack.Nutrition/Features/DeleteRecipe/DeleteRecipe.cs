using TrackStack.Nutrition.Infrastructure.Photos;

namespace TrackStack.Nutrition.Features.DeleteRecipe;

internal static class DeleteRecipe
{
    public static void MapDeleteRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapDelete("/recipes/{recipeId:guid}", HandleAsync).WithSummary("Delete a recipe and its photo; diary entries of it keep their values");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid recipeId, NutritionDb db, PhotoStore photos, CancellationToken ct)
    {
        var recipe = await db.Recipes.FirstOrDefaultAsync(r => r.Id == recipeId, ct);
        if (recipe is null) return Problems.NotFound("Recipe");
        db.Ingredients.RemoveRange(await db.Ingredients.Where(i => i.RecipeId == recipeId).ToListAsync(ct));
        db.Recipes.Remove(recipe);
        await db.SaveChangesAsync(ct);
        photos.DeleteAll(householdId, recipeId); // after the row: a failed delete keeps the photo it still shows
        return TypedResults.NoContent();
    }
}
