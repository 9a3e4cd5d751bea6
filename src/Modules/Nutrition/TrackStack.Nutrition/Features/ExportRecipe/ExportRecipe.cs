using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace TrackStack.Nutrition.Features.ExportRecipe;

/// <summary>A recipe as schema.org Recipe JSON-LD: what the import reads (so an export imports back as the same
/// recipe, here or in another app), with the computed nutrition per serving as NutritionInformation.</summary>
internal static class ExportRecipe
{
    public const string MediaType = "application/ld+json";

    public static void MapExportRecipe(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/recipes/{recipeId:guid}/export", HandleAsync)
            .WithSummary("A recipe as schema.org Recipe JSON-LD (application/ld+json), with its nutrition per serving")
            .Produces<JsonObject>(StatusCodes.Status200OK, MediaType);

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid recipeId, NutritionDb db, FoodCatalog catalog, CancellationToken ct)
    {
        var recipe = await db.Recipes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recipeId, ct);
        if (recipe is null) return Problems.NotFound("Recipe");
        var rows = await db.Ingredients.AsNoTracking().Where(i => i.RecipeId == recipeId).ToListAsync(ct);
        var (view, _, _) = await RecipeView.BuildAsync(recipe, rows, catalog, 1, ct);
        return TypedResults.Text(ToJsonLd(view).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), MediaType);
    }

    internal static JsonObject ToJsonLd(RecipeResponse r)
    {
        var doc = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Recipe",
            ["name"] = r.Title,
        };
        if (r.Description is not null) doc["description"] = r.Description;
        doc["recipeYield"] = r.Servings.ToString("0.###", CultureInfo.InvariantCulture);
        if (r.PrepMinutes is { } prep) doc["prepTime"] = Duration(prep);
        if (r.CookMinutes is { } cook) doc["cookTime"] = Duration(cook);
        if (r.PrepMinutes is not null || r.CookMinutes is not null) doc["totalTime"] = Duration((r.PrepMinutes ?? 0) + (r.CookMinutes ?? 0));
        if (r.Tags.Count > 0) doc["keywords"] = string.Join(", ", r.Tags);
        if (r.SourceUrl is not null) doc["url"] = r.SourceUrl;
        doc["recipeIngredient"] = new JsonArray(r.Ingredients.Select(i => (JsonNode?)JsonValue.Create(i.Text)).ToArray());
        doc["recipeInstructions"] = Instructions(r.Steps);
        var n = r.Nutrition.PerServing;
        var nutrition = new JsonObject { ["@type"] = "NutritionInformation" };
        void Put(string name, double? value, string unit) { if (value is { } v) nutrition[name] = string.Create(CultureInfo.InvariantCulture, $"{v:0.#} {unit}"); }
        Put("calories", n.Kcal, "kcal");
        Put("proteinContent", n.Protein, "g");
        Put("fatContent", n.Fat, "g");
        Put("saturatedFatContent", n.SaturatedFat, "g");
        Put("carbohydrateContent", n.Carbohydrate, "g");
        Put("sugarContent", n.Sugars, "g");
        Put("fiberContent", n.Fibre, "g");
        Put("sodiumContent", n.SodiumMg, "mg");
        if (r.TotalGrams is { } cooked) nutrition["servingSize"] = string.Create(CultureInfo.InvariantCulture, $"{cooked / r.Servings:0} g");
        doc["nutrition"] = nutrition;
        return doc;
    }

    /// <summary>Steps without sections are a list of HowToStep; with sections, consecutive steps of a section are one HowToSection.</summary>
    private static JsonArray Instructions(IReadOnlyList<RecipeStepResponse> steps)
    {
        static JsonObject Step(RecipeStepResponse s) => new() { ["@type"] = "HowToStep", ["text"] = s.Text };
        if (steps.All(s => s.Section is null)) return new JsonArray(steps.Select(s => (JsonNode?)Step(s)).ToArray());
        var list = new JsonArray();
        JsonObject? section = null;
        string? current = null;
        foreach (var s in steps)
        {
            if (s.Section is null) { section = null; current = null; list.Add(Step(s)); continue; }
            if (section is null || s.Section != current)
            {
                current = s.Section;
                section = new JsonObject { ["@type"] = "HowToSection", ["name"] = s.Section, ["itemListElement"] = new JsonArray() };
                list.Add(section);
            }
            section["itemListElement"]!.AsArray().Add(Step(s));
        }
        return list;
    }

    private static string Duration(int minutes) => XmlConvert.ToString(TimeSpan.FromMinutes(minutes));
}
