using Microsoft.Net.Http.Headers;
using TrackStack.Nutrition.Infrastructure.Photos;

namespace TrackStack.Nutrition.Features.GetRecipePhoto;

internal static class GetRecipePhoto
{
    public static void MapGetRecipePhoto(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/recipes/{recipeId:guid}/photo", HandleAsync)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .WithSummary("A recipe's photo (JPEG) with a strong ETag; 404 when it has none. With v= the recipe's photo version it may be cached for good (private)");

    internal static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid recipeId, string? v, HttpContext http, NutritionDb db, PhotoStore store, CancellationToken ct)
    {
        var version = await db.Recipes.AsNoTracking().Where(r => r.Id == recipeId).Select(r => r.PhotoVersion).FirstOrDefaultAsync(ct);
        if (version is null) return Problems.NotFound("Photo");
        var path = store.PathOf(householdId, recipeId, version);
        if (!File.Exists(path)) return Problems.NotFound("Photo");
        // The address with the current version never changes its bytes; without it the browser asks again (a 304 by ETag).
        http.Response.Headers.CacheControl = v == version ? "private, max-age=31536000, immutable" : "private, no-cache";
        return TypedResults.PhysicalFile(path, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{version}\""));
    }
}
