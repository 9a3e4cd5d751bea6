using Microsoft.Extensions.Options;
using TrackStack.Nutrition.Infrastructure.Photos;

namespace TrackStack.Nutrition.Features.SetRecipePhoto;

internal static class SetRecipePhoto
{
    public static void MapSetRecipePhoto(this RouteGroupBuilder nutrition) =>
        nutrition.MapPut("/recipes/{recipeId:guid}/photo", HandleAsync)
            .Accepts<IFormFile>("multipart/form-data", "image/*", "application/octet-stream") // the type sent is not trusted: the bytes are read
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Set or replace a recipe's photo (form field 'file', or the image as the body): JPEG, PNG or WebP, re-encoded as JPEG at most 1,600 px on the long side without its metadata")
            .WithDescription("The format is read from the bytes, not the name or Content-Type. Over TrackStack__Nutrition__MaxPhotoBytes (10 MB) is a 413; a file that is no such image, does not decode, or declares more than 50 megapixels is a 400. EXIF orientation is applied; EXIF (GPS included) and other metadata are not kept.");

    internal static async Task<Results<Ok<RecipePhotoResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid recipeId, HttpContext http, NutritionDb db, PhotoStore store, IOptions<NutritionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var recipe = await db.Recipes.FirstOrDefaultAsync(r => r.Id == recipeId, ct);
        if (recipe is null) return Problems.NotFound("Recipe");
        var (bytes, problem) = await PhotoBody.ReadAsync(http.Request, options.Value.MaxPhotoBytes, ct);
        if (problem is ProblemHttpResult p) return p;
        if (problem is ValidationProblem v) return v;
        var (photo, error) = PhotoImage.Reencode(bytes!);
        if (photo is null) return new FieldErrors().Add("file", error!).ToResult("The photo cannot be used.");

        var previous = recipe.PhotoVersion;
        await store.WriteAsync(householdId, recipeId, photo.Version, photo.Jpeg, ct);
        (recipe.PhotoVersion, recipe.PhotoWidth, recipe.PhotoHeight) = (photo.Version, photo.Width, photo.Height);
        recipe.UpdatedAt = StoredTime.Now(clock);
        recipe.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (DbErrors.IsRace(ex))
        {
            // Another change won (a 409): its photo stays; ours goes unless the winner stored the very same bytes.
            if (!await db.Recipes.AsNoTracking().AnyAsync(r => r.Id == recipeId && r.PhotoVersion == photo.Version, CancellationToken.None))
                store.Delete(householdId, recipeId, photo.Version);
            throw;
        }
        if (previous is not null && previous != photo.Version) store.Delete(householdId, recipeId, previous);
        return TypedResults.Ok(RecipePhotoResponse.Of(recipe)!);
    }
}
