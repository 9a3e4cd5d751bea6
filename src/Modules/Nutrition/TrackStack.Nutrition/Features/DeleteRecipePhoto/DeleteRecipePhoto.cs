using TrackStack.Nutrition.Infrastructure.Photos;

namespace TrackStack.Nutrition.Features.DeleteRecipePhoto;

internal static class DeleteRecipePhoto
{
    public static void MapDeleteRecipePhoto(this RouteGroupBuilder nutrition) =>
        nutrition.MapDelete("/recipes/{recipeId:guid}/photo", HandleAsync).WithSummary("Remove a recipe's photo (also when it has none)");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid recipeId, NutritionDb db, PhotoStore store, TimeProvider clock, CancellationToken ct)
    {
        var recipe = await db.Recipes.FirstOrDefaultAsync(r => r.Id == recipeId, ct);
        if (recipe is null) return Problems.NotFound("Recipe");
        if (recipe.PhotoVersion is null) return TypedResults.NoContent();
        (recipe.PhotoVersion, recipe.PhotoWidth, recipe.PhotoHeight) = (null, null, null);
        recipe.UpdatedAt = StoredTime.Now(clock);
        recipe.Version++;
        await db.SaveChangesAsync(ct);
        store.DeleteAll(householdId, recipeId); // after the row: until it is saved the photo is still shown
        return TypedResults.NoContent();
    }
}
