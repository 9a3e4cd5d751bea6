using System.Globalization;
using System.Net;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

public sealed class RecipeTests
{
    /// <summary>Pancakes for 4, written the way a cook writes them; the expected figures are worked out here from the
    /// SR28 lines in tests/fixtures/nutrition (NUT_DATA values per 100 g, WEIGHT gram weights), not by the module.</summary>
    private static readonly (string Text, string? Code, string? WeightDesc, double Count)[] Pancakes =
    [
        ("1 ½ cups (190 g) all-purpose flour", "20081", null, 190), // the weight the line gives
        ("2 large eggs", "01123", "large", 2),
        ("1 cup milk", "01077", "cup", 1),
        ("2 tbsp butter, melted", "01001", "tbsp", 2),
        ("2 tsp sugar", "19335", "tsp", 2),
        ("salt to taste", null, null, 0),
        ("200 g Heidelbeeren", null, null, 0),
    ];

    private static Dictionary<(string Code, string Nutr), double> Sr28Values() =>
        File.ReadAllLines(Fixtures.PathOf("nutrition/sr28_NUT_DATA_pancakes.txt"))
            .Select(l => l.Split('^'))
            .ToDictionary(f => (f[0].Trim('~'), f[1].Trim('~')), f => double.Parse(f[2], CultureInfo.InvariantCulture));

    private static double Sr28Grams(string code, string desc) =>
        File.ReadAllLines(Fixtures.PathOf("nutrition/sr28_WEIGHT_pancakes.txt"))
            .Select(l => l.Split('^'))
            .Where(f => f[0].Trim('~') == code && f[3].Trim('~') == desc)
            .Select(f => double.Parse(f[4], CultureInfo.InvariantCulture) / double.Parse(f[2], CultureInfo.InvariantCulture))
            .Single();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nutrition_per_serving_matches_an_independent_sr28_calculation(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, bob, viewer, stranger, home, other) = await CastAsync(host);

        var recipe = await PostOkAsync(alice, $"{Api(home)}/recipes", new
        {
            title = "Pancakes", servings = 4, prepMinutes = 10, cookMinutes = 15, tags = new[] { "breakfast", "sweet" },
            steps = new[] { new { section = (string?)"Batter", text = "Whisk everything." }, new { section = (string?)null, text = "Fry in butter." } },
            ingredients = Pancakes.Select(p => new { text = p.Text, foodId = p.Code is null ? null : "sr28:" + p.Code, grams = (double?)null }),
        });
        var id = recipe.Str("id");

        var values = Sr28Values();
        var grams = Pancakes.Where(p => p.Code is not null).Select(p => (p.Code!, Grams: p.WeightDesc is null ? p.Count : p.Count * Sr28Grams(p.Code!, p.WeightDesc))).ToList();
        double PerServing(string nutr) => grams.Sum(g => g.Grams * values.GetValueOrDefault((g.Item1, nutr)) / 100) / 4;

        var read = await bob.GetJsonAsync($"{Api(home)}/recipes/{id}"); // shared: Bob reads Alice's recipe
        var perServing = read["nutrition"]!["perServing"]!;
        Assert.Equal(PerServing("208"), perServing.Num("kcal"), 0.5);
        Assert.Equal(PerServing("203"), perServing.Num("protein"), 0.05);
        Assert.Equal(PerServing("204"), perServing.Num("fat"), 0.05);
        Assert.Equal(PerServing("606"), perServing.Num("saturatedFat"), 0.05);
        Assert.Equal(PerServing("205"), perServing.Num("carbohydrate"), 0.05);
        Assert.Equal(PerServing("269"), perServing.Num("sugars"), 0.05);
        Assert.Equal(PerServing("291"), perServing.Num("fibre"), 0.05);
        Assert.Equal(PerServing("307"), perServing.Num("sodiumMg"), 0.5);

        var lines = read["ingredients"]!.AsArray();
        Assert.Equal(["counted", "counted", "counted", "counted", "counted", "noAmount", "unlinked"], lines.Select(l => l!.Str("status")));
        Assert.Equal([190, 100, 244, 28.4, 8.4], lines.Take(5).Select(l => Math.Round(l.Num("grams"), 1)));
        Assert.Equal(("cup", 1.5, "all-purpose flour"), (lines[0]!.Str("unit"), lines[0].Num("quantity"), lines[0]!.Str("food")));
        Assert.Equal("melted", lines[3]!.Str("note"));
        var covered = grams.Sum(g => g.Grams);
        Assert.Equal(Math.Round(100 * covered / (covered + 200), 1), read["nutrition"].Num("coveragePercent"));
        Assert.Equal("Nutrition covers 74 % of the ingredients by weight; 1 line unlinked.", read["nutrition"]!.Str("coverage"));
        Assert.Equal(PerServing("208") * 4, read["nutrition"]!["total"].Num("kcal"), 0.5);
        Assert.Equal(190 * values[("20081", "208")] / 100, lines[0]!["contribution"].Num("kcal"), 0.5); // the flour's part of the whole
        Assert.Equal("Batter", read["steps"]![0]!.Str("section"));

        // Scale by servings: quantities and weights double, per serving stays.
        var doubled = await alice.GetJsonAsync($"{Api(home)}/recipes/{id}?servings=8");
        Assert.Equal((2.0, 8.0), (doubled.Num("scaleFactor"), doubled.Num("scaledServings")));
        Assert.Equal(380, doubled["ingredients"]![0].Num("grams"));
        Assert.Equal(3, doubled["ingredients"]![0].Num("quantity"));
        Assert.Equal(perServing.Num("kcal"), doubled["nutrition"]!["perServing"].Num("kcal"));
        // By one ingredient: "I have 95 g of flour" is half the recipe, 2 servings.
        var half = await alice.GetJsonAsync($"{Api(home)}/recipes/{id}?ingredient=0&grams=95");
        Assert.Equal((0.5, 2.0), (half.Num("scaleFactor"), half.Num("scaledServings")));
        Assert.Equal(50, half["ingredients"]![1].Num("grams"));
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{id}?ingredient=5&grams=10")) Assert.True((await ErrorsAsync(r)).ContainsKey("ingredient"));
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{id}?servings=0")) Assert.True((await ErrorsAsync(r)).ContainsKey("servings"));
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{id}?ingredient=1")) Assert.True((await ErrorsAsync(r)).ContainsKey("grams"));

        var list = await alice.GetJsonAsync($"{Api(home)}/recipes?tag=sweet");
        Assert.Equal(1, list.Num("total"));
        Assert.Equal(perServing.Num("kcal"), list["items"]![0].Num("kcalPerServing"));
        Assert.Equal(25, list["items"]![0].Num("totalMinutes"));
        Assert.Equal(0, (await alice.GetJsonAsync($"{Api(home)}/recipes?tag=swe")).Num("total"));
        Assert.Equal(1, (await alice.GetJsonAsync($"{Api(home)}/recipes?q=pan")).Num("total"));

        // Change: link the blueberries to nothing still, make it 2 servings: per serving doubles.
        using (var r = await bob.PutAsync($"{Api(home)}/recipes/{id}", new
        {
            title = "Pancakes", servings = 2, ingredients = Pancakes.Select(p => new { text = p.Text, foodId = p.Code is null ? null : "sr28:" + p.Code, grams = (double?)null }),
        }))
        {
            var changed = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, changed.Num("version"));
            Assert.Equal(PerServing("208") * 2, changed["nutrition"]!["perServing"].Num("kcal"), 0.5);
        }

        // Bad input and unknown foods.
        using (var r = await alice.PostAsync($"{Api(home)}/recipes", new { title = "", servings = 0, sourceUrl = "javascript:alert(1)", ingredients = new[] { new { text = "", foodId = (string?)null }, new { text = "1 egg", foodId = (string?)"sr28:99999" } } }))
        {
            var errors = await ErrorsAsync(r);
            foreach (var field in new[] { "title", "servings", "sourceUrl" }) Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
        }
        using (var r = await alice.PostAsync($"{Api(home)}/recipes", new { title = "X", servings = 1, ingredients = new[] { new { text = "", foodId = (string?)null }, new { text = "1 egg", foodId = (string?)"sr28:99999" } } }))
        {
            var errors = await ErrorsAsync(r);
            Assert.True(errors.ContainsKey("ingredients[0].text") && errors.ContainsKey("ingredients[1].foodId"), errors.ToString());
        }

        // A household food of another household cannot be linked; their recipes are not found.
        var theirs = await PostOkAsync(stranger, $"{Api(other)}/foods", new { name = "Secret flour", kcal = 350, protein = 10, carbohydrate = 75, fat = 1 });
        using (var r = await alice.PostAsync($"{Api(home)}/recipes", new { title = "X", servings = 1, ingredients = new[] { new { text = "100 g flour", foodId = theirs.Str("id") } } }))
            Assert.True((await ErrorsAsync(r)).ContainsKey("ingredients[0].foodId"));
        using (var r = await stranger.GetAsync($"{Api(other)}/recipes/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PutAsync($"{Api(other)}/recipes/{id}", new { title = "Mine", servings = 1 })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.DeleteAsync($"{Api(other)}/recipes/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await stranger.GetJsonAsync($"{Api(other)}/recipes")).Num("total"));
        using (var r = await viewer.GetAsync($"{Api(home)}/recipes/{id}")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await viewer.PutAsync($"{Api(home)}/recipes/{id}", new { title = "Mine", servings = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PostAsync($"{Api(home)}/recipes", new { title = "Mine", servings = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);

        using (var r = await alice.DeleteAsync($"{Api(home)}/recipes/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lines_and_sentences_are_parsed_with_honest_food_suggestions(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var home = await Accounts.CreateHouseholdAsync(alice, "Home", "UTC");

        var parsed = (await PostOkAsync(alice, $"{Api(home)}/ingredients/parse", new { lines = new[] { "3 eggs, beaten", "2 cups zzzunknown stuff", "salt to taste" } }, HttpStatusCode.OK)).AsArray();
        Assert.Equal("sr28:01123", parsed[0]!["suggestion"]!.Str("id"));
        Assert.Equal(132, parsed[0].Num("grams")); // 3 medium eggs of 44 g
        Assert.Null(parsed[1]!["suggestion"]);
        Assert.Equal(("salt", "to taste"), (parsed[2]!.Str("food"), parsed[2]!.Str("note")));

        var sentence = (await PostOkAsync(alice, $"{Api(home)}/ingredients/parse", new { sentence = "2 eggs, a slice of wholemeal toast and 200 ml milk" }, HttpStatusCode.OK)).AsArray();
        Assert.Equal(3, sentence.Count);
        Assert.Equal(("eggs", "sr28:01123"), (sentence[0]!.Str("food"), sentence[0]!["suggestion"]!.Str("id")));
        Assert.Equal(("wholemeal toast", "slice"), (sentence[1]!.Str("food"), sentence[1]!.Str("unit")));
        Assert.StartsWith("Milk", sentence[2]!["suggestion"]!.Str("name"));
        Assert.Equal(("ml", 200.0), (sentence[2]!.Str("unit"), sentence[2].Num("quantity")));

        using (var r = await alice.PostAsync($"{Api(home)}/ingredients/parse", new { })) await ErrorsAsync(r);
        using (var r = await alice.PostAsync($"{Api(home)}/ingredients/parse", new { sentence = new string('x', 1001) })) await ErrorsAsync(r);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_British_recipes_everyday_words_link_to_SR28_foods_and_the_rest_stays_unlinked(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var home = await Accounts.CreateHouseholdAsync(alice, "Home", "UTC");

        // The lines of the BBC Good Food cupcakes in tests/fixtures/nutrition.
        string[] lines =
        [
            "250g self-raising flour", "175g light muscovado sugar", "85g unsalted butter melted", "5 tbsp vegetable or sunflower oil",
            "150g pot fat-free natural yogurt", "200g icing sugar sifted", "25g cocoa powder", "food colourings (optional)", "sweets and sprinkles, to decorate",
        ];
        var parsed = (await PostOkAsync(alice, $"{Api(home)}/ingredients/parse", new { lines }, HttpStatusCode.OK)).AsArray();
        var names = parsed.Select(p => p!["suggestion"]?.Str("name")).ToList();
        Assert.StartsWith("Wheat flour, white, all-purpose, self-rising", names[0]);
        Assert.Equal(["Sugars, brown", "Butter, without salt"], names[1..3]);
        Assert.StartsWith("Oil, sunflower", names[3]);
        Assert.StartsWith("Yogurt, plain, skim milk", names[4]);
        Assert.Equal("Sugars, powdered", names[5]);
        Assert.StartsWith("Cocoa, dry powder", names[6]);
        Assert.Equal([null, null], names[7..]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Odd_digits_and_absurd_amounts_never_break_reading_a_recipe_or_logging_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var home = await Accounts.CreateHouseholdAsync(alice, "Home", "UTC");
        var recipe = await PostOkAsync(alice, $"{Api(home)}/recipes", new
        {
            title = "Odd", servings = 1, steps = new[] { new { section = (string?)null, text = "Mix." } },
            ingredients = new[]
            {
                new { text = "\u0663 eggs", foodId = (string?)null, grams = (double?)null }, // Arabic-Indic three
                new { text = "\uff13 g flour", foodId = (string?)null, grams = (double?)null }, // full-width three
                new { text = new string('9', 400) + " g flour", foodId = (string?)"sr28:20081", grams = (double?)null },
                new { text = "0.001 g flour", foodId = (string?)"sr28:20081", grams = (double?)null },
            },
        });
        var id = recipe.Str("id");
        var read = await alice.GetJsonAsync($"{Api(home)}/recipes/{id}");
        Assert.True(double.IsFinite(read["nutrition"]!["total"].Num("kcal")));
        Assert.Equal(1, (await alice.GetJsonAsync($"{Api(home)}/recipes")).Num("total"));
        // 100 kg from a line of 0.001 g is a scale of 10^8: refused, not a sum near infinity.
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{id}?ingredient=3&grams=100000")) Assert.True((await ErrorsAsync(r)).ContainsKey("grams"));
        var logged = await PostOkAsync(alice, $"{Api(home)}/log", new { date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), meal = "lunch", recipeId = id, servings = 100 });
        Assert.True(double.IsFinite(logged["nutrients"].Num("kcal")));
    }
}
