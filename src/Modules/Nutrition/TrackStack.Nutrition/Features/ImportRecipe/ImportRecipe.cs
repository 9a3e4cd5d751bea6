using System.Text.Json;

namespace TrackStack.Nutrition.Features.ImportRecipe;

/// <summary>Adds a recipe from schema.org JSON-LD, pasted as JSON or inside a page's HTML. Each ingredient line gets
/// the food the matcher suggests, or none (the cook links the rest). Fetching a URL is not offered yet.</summary>
internal static class ImportRecipe
{
    public const int MaxChars = 2_000_000;

    public sealed record ImportRecipeRequest(string? JsonLd, string? Html);

    public static void MapImportRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/recipes/import", HandleAsync).WithSummary("Import a schema.org Recipe from pasted JSON-LD ({jsonLd}) or a page's HTML ({html})");

    internal static async Task<Results<Created<RecipeResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, ImportRecipeRequest request, HttpContext http, NutritionDb db, FoodCatalog catalog, FoodMatcher matcher, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((request.JsonLd is null) != (request.Html is null), "jsonLd", "Paste the recipe's JSON-LD or the page's HTML (one of them).");
        errors.Check((request.JsonLd?.Length ?? 0) <= MaxChars && (request.Html?.Length ?? 0) <= MaxChars, "jsonLd", "The text is at most 2,000,000 characters.");
        if (errors.Any) return errors.ToResult();
        var found = request.JsonLd is not null ? JsonLdRecipe.FromJson(request.JsonLd) : JsonLdRecipe.FromHtml(request.Html!);
        if (found is null)
            return errors.Add(request.JsonLd is not null ? "jsonLd" : "html", "No schema.org Recipe with a name was found in it.").ToResult();

        var access = http.GetHouseholdAccess();
        var now = StoredTime.Now(clock);
        var recipe = new Recipe
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, CreatedBy = access.UserId, UpdatedAt = now, Version = 1,
            Title = found.Title, Description = found.Description, Servings = found.Servings ?? 1, PrepMinutes = found.PrepMinutes, CookMinutes = found.CookMinutes,
            Tags = JsonSerializer.Serialize(found.Tags), SourceUrl = found.Url,
            Steps = JsonSerializer.Serialize(found.Steps.Select(s => new RecipeStepResponse(s.Section, s.Text)).ToList(), RecipeView.Json),
        };
        var rows = new List<RecipeIngredient>();
        foreach (var (text, i) in found.Ingredients.Select((t, i) => (t, i)))
        {
            var food = await matcher.SuggestAsync(IngredientParser.Parse(text).Food, access.UserId, ct);
            rows.Add(new RecipeIngredient { Id = Guid.CreateVersion7(), HouseholdId = householdId, RecipeId = recipe.Id, Position = i, Text = text, FoodId = food?.Id });
        }
        db.Recipes.Add(recipe);
        db.Ingredients.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var (response, _, _) = await RecipeView.BuildAsync(recipe, rows, catalog, 1, ct);
        return TypedResults.Created($"/api/households/{householdId}/nutrition/recipes/{recipe.Id}", response);
    }
}
