using System.Text.Json;
using TrackStack.Nutrition.Infrastructure.Fetching;

namespace TrackStack.Nutrition.Features.ImportRecipe;

/// <summary>Adds a recipe from schema.org JSON-LD, pasted as JSON or inside a page's HTML. Each ingredient line gets
/// the food the matcher suggests, or none (the cook links the rest). A URL is fetched through <see cref="IRecipePageFetcher"/>
/// (timeout, 2 MB, no private addresses unless the operator allows them); what goes wrong there is a 400 on "url".</summary>
internal static class ImportRecipe
{
    public const int MaxChars = 2_000_000;

    public sealed record ImportRecipeRequest(string? JsonLd, string? Html, string? Url = null);

    public static void MapImportRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/recipes/import", HandleAsync).WithSummary("Import a schema.org Recipe from pasted JSON-LD ({jsonLd}), a page's HTML ({html}) or a page's address ({url}, fetched by the server)");

    internal static async Task<Results<Created<RecipeResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, ImportRecipeRequest request, HttpContext http, NutritionDb db, FoodCatalog catalog, FoodMatcher matcher, IRecipePageFetcher fetcher,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var given = (request.JsonLd is null ? 0 : 1) + (request.Html is null ? 0 : 1) + (request.Url is null ? 0 : 1);
        errors.Check(given == 1, "jsonLd", "Paste the recipe's JSON-LD or the page's HTML, or give its address (one of them).");
        errors.Check((request.JsonLd?.Length ?? 0) <= MaxChars && (request.Html?.Length ?? 0) <= MaxChars, "jsonLd", "The text is at most 2,000,000 characters.");
        Uri? url = null;
        errors.Check(request.Url is null || (request.Url.Length <= 2000 && Uri.TryCreate(request.Url.Trim(), UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)),
            "url", "Give the recipe page's http(s) address (at most 2,000 characters).");
        if (errors.Any) return errors.ToResult();
        var field = request.JsonLd is not null ? "jsonLd" : request.Html is not null ? "html" : "url";
        JsonLdRecipe? found;
        if (url is not null)
        {
            string page;
            try { page = await fetcher.FetchAsync(url, ct); }
            catch (PageFetchException e) { return errors.Add("url", e.Message).ToResult(); }
            found = JsonLdRecipe.FromHtml(page) ?? JsonLdRecipe.FromJson(page);
        }
        else
        {
            found = request.JsonLd is not null ? JsonLdRecipe.FromJson(request.JsonLd) : JsonLdRecipe.FromHtml(request.Html!);
        }
        if (found is null)
            return errors.Add(field, url is null ? "No schema.org Recipe with a name was found in it." : "The page has no schema.org Recipe with a name (its JSON-LD).").ToResult();

        var access = http.GetHouseholdAccess();
        var now = StoredTime.Now(clock);
        var recipe = new Recipe
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, CreatedBy = access.UserId, UpdatedAt = now, Version = 1,
            Title = found.Title, Description = found.Description, Servings = found.Servings ?? 1, PrepMinutes = found.PrepMinutes, CookMinutes = found.CookMinutes,
            Tags = JsonSerializer.Serialize(found.Tags), SourceUrl = url?.AbsoluteUri is { Length: <= 2000 } fetched ? fetched : found.Url,
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
