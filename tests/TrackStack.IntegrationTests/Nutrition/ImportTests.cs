using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

public sealed class ImportTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Json_ld_recipes_are_imported_from_json_or_html(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var home = await Accounts.CreateHouseholdAsync(alice, "Home", "UTC");
        await Accounts.JoinAsync(alice, home, viewer, "viewer@example.org", "viewer");

        // BBC Good Food: "Makes 12", HowToStep list, ISO durations, &frac12; in a line.
        var cupcakes = File.ReadAllText(Fixtures.PathOf("nutrition/rs_bbcgoodfood_2_monster-cupcakes.ld.json"));
        var imported = await PostOkAsync(alice, $"{Api(home)}/recipes/import", new { jsonLd = cupcakes });
        Assert.Equal(("Monster cupcakes", 12.0, 15, 20), (imported.Str("title"), imported.Num("servings"), (int)imported.Num("prepMinutes"), (int)imported.Num("cookMinutes")));
        Assert.Equal(2, imported["steps"]!.AsArray().Count);
        var lines = imported["ingredients"]!.AsArray();
        Assert.Equal(14, lines.Count);
        Assert.Equal(("250g self-raising flour", 250.0), (lines[0]!.Str("text"), lines[0].Num("grams")));
        var vanilla = lines.Single(l => l!.Str("text") == "½ tsp vanilla extract")!; // the entity is decoded on import
        Assert.Equal((0.5, "tsp"), (vanilla.Num("quantity"), vanilla.Str("unit")));
        Assert.Contains("Treat", imported["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("https://www.bbcgoodfood.com/recipes/monster-cupcakes", imported.Str("sourceUrl"));
        Assert.Equal("sr28:01123", lines.Single(l => l!.Str("text") == "3 large eggs")!.Str("foodId"));
        Assert.Equal(150, lines.Single(l => l!.Str("text") == "3 large eggs")!.Num("grams"));
        Assert.True(imported["nutrition"]!["perServing"].Num("kcal") > 0);

        // The same JSON inside a page, in an @graph, with sections and string instructions.
        var graph = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = new JsonArray(new JsonObject { ["@type"] = "WebPage", ["name"] = "Page" }, new JsonObject
            {
                ["@type"] = new JsonArray("Recipe"), ["name"] = "Omelette &amp; toast", ["recipeYield"] = new JsonArray("2", "2 servings"), ["totalTime"] = "PT10M",
                ["recipeIngredient"] = new JsonArray("3 eggs", "1 tbsp butter"),
                ["recipeInstructions"] = new JsonArray(
                    new JsonObject { ["@type"] = "HowToSection", ["name"] = "Eggs", ["itemListElement"] = new JsonArray(new JsonObject { ["@type"] = "HowToStep", ["text"] = "Beat the <b>eggs</b>." }) },
                    "Fry them."),
            }),
        };
        var html = $"<html><head><script type=\"application/ld+json\">{graph.ToJsonString()}</script></head><body>Hi</body></html>";
        var omelette = await PostOkAsync(alice, $"{Api(home)}/recipes/import", new { html });
        Assert.Equal(("Omelette & toast", 2.0), (omelette.Str("title"), omelette.Num("servings")));
        Assert.Equal(("Eggs", "Beat the eggs ."), (omelette["steps"]![0]!.Str("section"), omelette["steps"]![0]!.Str("text")));
        Assert.Null(omelette["steps"]![1]!["section"]);

        // "Serves 2" and a plain list of instruction strings (the mealie fixture).
        var potatoes = await PostOkAsync(alice, $"{Api(home)}/recipes/import", new { jsonLd = File.ReadAllText(Fixtures.PathOf("nutrition/microwave-sweet-potatoes-04783.json")) });
        Assert.Equal(2, potatoes.Num("servings"));
        Assert.Equal(75, potatoes["ingredients"]!.AsArray().Single(l => l!.Str("text").StartsWith("75g/2½oz", StringComparison.Ordinal))!.Num("grams"));

        Assert.Equal(3, (await alice.GetJsonAsync($"{Api(home)}/recipes")).Num("total"));
        using (var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { jsonLd = "{not json" })) Assert.True((await ErrorsAsync(r)).ContainsKey("jsonLd"));
        using (var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { jsonLd = "{\"@type\":\"Person\",\"name\":\"x\"}" })) Assert.True((await ErrorsAsync(r)).ContainsKey("jsonLd"));
        using (var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { html = "<p>no recipe</p>" })) Assert.True((await ErrorsAsync(r)).ContainsKey("html"));
        using (var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { })) Assert.True((await ErrorsAsync(r)).ContainsKey("jsonLd"));
        using (var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { jsonLd = new string('[', 5000) + new string(']', 5000) })) Assert.True((await ErrorsAsync(r)).ContainsKey("jsonLd"));
        using (var r = await viewer.PostAsync($"{Api(home)}/recipes/import", new { jsonLd = cupcakes })) await r.ExpectAsync(HttpStatusCode.Forbidden);
    }
}
