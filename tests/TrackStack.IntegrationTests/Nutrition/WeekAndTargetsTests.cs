using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

public sealed class WeekAndTargetsTests
{
    private static string WeekdayOf(int plusDays) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(plusDays).DayOfWeek.ToString().ToLowerInvariant();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Targets_per_weekday_apply_to_their_days_and_the_week_shows_totals_averages_and_the_streak(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, aliceId, bob, viewer, stranger, home, other) = await CastAsync(host);

        // Today's weekday gets its own targets; the other days keep 2,200 kcal and 110 g.
        using (var r = await alice.PutAsync($"{Api(home)}/targets", new { kcal = 2200, protein = 110, weekdays = new[] { new { day = WeekdayOf(0), kcal = (double?)1800, protein = (double?)90 } } }))
        {
            var t = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((WeekdayOf(0), 1800.0, 90.0), (t["weekdays"]![0]!.Str("day"), t["weekdays"]![0].Num("kcal"), t["weekdays"]![0].Num("protein")));
        }
        var today = await alice.GetJsonAsync($"{Api(home)}/log?date={Today()}");
        Assert.Equal((1800.0, 90.0, 1800.0), (today["targets"].Num("kcal"), today["targets"].Num("protein"), today.Num("remainingKcal")));
        Assert.Equal(2200, (await alice.GetJsonAsync($"{Api(home)}/log?date={Today(-1)}"))["targets"].Num("kcal"));
        Assert.Equal(1800, (await alice.GetJsonAsync($"{Api(home)}/summary")).Num("kcalTarget"));
        Assert.Equal(2200, (await alice.GetJsonAsync($"{Api(home)}/targets")).Num("kcal"));
        // Leaving weekdays out keeps them; an empty list clears them.
        using (var r = await alice.PutAsync($"{Api(home)}/targets", new { kcal = 2200, protein = 110, shareDiary = false })) Assert.Single((await r.ReadJsonAsync(HttpStatusCode.OK))["weekdays"]!.AsArray());

        foreach (var (weekdays, field) in new (object, string)[]
        {
            (new[] { new { day = "funday", kcal = 2000 } }, "weekdays"),
            (new[] { new { day = "monday", kcal = 2000 }, new { day = "Monday", kcal = 2100 } }, "weekdays"),
            (new[] { new { day = "1", kcal = 2000 } }, "weekdays"),
            (new[] { new { day = "monday", kcal = 100 } }, "weekdays"),
        })
            using (var r = await alice.PutAsync($"{Api(home)}/targets", new { kcal = 2200, protein = 110, weekdays })) Assert.True((await ErrorsAsync(r)).ContainsKey(field));
        using (var r = await viewer.PutAsync($"{Api(home)}/targets", new { kcal = 2200, protein = 110, weekdays = Array.Empty<object>() })) await r.ExpectAsync(HttpStatusCode.Forbidden);

        // Logged today, yesterday and three days ago: two days in a row, three days logged this week.
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "breakfast", foodId = "sr28:01123", grams = 100 }); // 143 kcal, 12.56 g
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(-1), meal = "lunch", label = "Soup", kcal = 400, protein = 20 });
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(-1), meal = "dinner", label = "Pasta", kcal = 800, protein = 30 });
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(-3), meal = "lunch", label = "Salad", kcal = 350, protein = 15 });
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(-8), meal = "lunch", label = "Old", kcal = 999, protein = 1 });

        var week = await alice.GetJsonAsync($"{Api(home)}/log/week");
        var days = week["days"]!.AsArray();
        Assert.Equal((Today(-6), Today(), 7), (week.Str("from"), week.Str("to"), days.Count));
        Assert.Equal([0, 0, 0, 1, 0, 2, 1], days.Select(d => (int)d.Num("entries")));
        Assert.Equal([0, 0, 0, 350, 0, 1200, 143.0], days.Select(d => d.Num("kcal")));
        Assert.Equal([2200, 2200, 2200, 2200, 2200, 2200, 1800.0], days.Select(d => d.Num("kcalTarget")));
        Assert.Equal(WeekdayOf(0), days[6]!.Str("weekday"));
        Assert.Equal((3, 2), ((int)week.Num("loggedDays"), (int)week.Num("streak")));
        Assert.Equal(Math.Round((350 + 1200 + 143) / 3.0), week.Num("averageKcal"));
        Assert.Equal(Math.Round((15 + 50 + 12.6) / 3.0, 1), week.Num("averageProtein"), 0.11);
        Assert.Equal(Math.Round((2200 + 2200 + 1800) / 3.0), week.Num("averageKcalTarget"));

        // The week ending two days ago: that day has nothing yet, so the streak ends the day before it (one day).
        var earlier = await alice.GetJsonAsync($"{Api(home)}/log/week?date={Today(-2)}");
        Assert.Equal((1, 2), ((int)earlier.Num("streak"), (int)earlier.Num("loggedDays")));

        // Private unless shared; a member reads their own (empty) week; viewers may read; bad dates are 400.
        using (var r = await bob.GetAsync($"{Api(home)}/log/week?member={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        var bobs = await bob.GetJsonAsync($"{Api(home)}/log/week");
        Assert.Equal((0.0, 0.0), (bobs.Num("loggedDays"), bobs.Num("streak")));
        Assert.Null(bobs["averageKcal"]);
        Assert.Equal(7, (await viewer.GetJsonAsync($"{Api(home)}/log/week")).AsObject()["days"]!.AsArray().Count);
        using (var r = await alice.GetAsync($"{Api(home)}/log/week?date=1999-01-01")) Assert.True((await ErrorsAsync(r)).ContainsKey("date"));
        using (var r = await alice.GetAsync($"{Api(home)}/log/week?date=not-a-day")) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await stranger.GetAsync($"{Api(home)}/log/week")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(other)}/log/week?member={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await alice.PutAsync($"{Api(home)}/targets", new { kcal = 2200, protein = 110, shareDiary = true, weekdays = Array.Empty<object>() }))
            Assert.Empty((await r.ReadJsonAsync(HttpStatusCode.OK))["weekdays"]!.AsArray());
        var shared = await bob.GetJsonAsync($"{Api(home)}/log/week?member={aliceId}");
        Assert.Equal(2200, shared["days"]![6].Num("kcalTarget"));
        using (var r = await stranger.GetAsync($"{Api(other)}/log/week?member={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_recipe_with_its_cooked_weight_is_logged_by_grams_and_exports_as_json_ld_that_imports_back(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, bob, viewer, stranger, home, other) = await CastAsync(host);
        var recipe = await PostOkAsync(bob, $"{Api(home)}/recipes", new
        {
            title = "Milk and eggs", servings = 4, totalGrams = 600, prepMinutes = 5, cookMinutes = 20, tags = new[] { "breakfast" },
            steps = new[] { new { section = (string?)"Eggs", text = "Beat the eggs." }, new { section = (string?)"Eggs", text = "Add the milk." }, new { section = (string?)null, text = "Bake." } },
            ingredients = new[] { new { text = "2 large eggs", foodId = "sr28:01123" }, new { text = "244 g milk", foodId = "sr28:01077" } },
        });
        Assert.Equal(600, recipe.Num("totalGrams"));
        var id = recipe.Str("id");
        var total = recipe["nutrition"]!["total"].Num("kcal"); // 143 + 148.84

        // 150 g of the 600 g dish is a quarter of it: one of the four servings.
        var eaten = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "dinner", recipeId = id, grams = 150 });
        Assert.Equal((150.0, 1.0), (eaten.Num("grams"), eaten.Num("servings")));
        Assert.Equal(Math.Round(total / 4), eaten["nutrients"].Num("kcal"), 0.6);
        using (var r = await alice.PostAsync($"{Api(home)}/log", new { date = Today(), meal = "dinner", recipeId = id, grams = 150, servings = 1 })) Assert.True((await ErrorsAsync(r)).ContainsKey("servings"));
        using (var r = await alice.PostAsync($"{Api(home)}/log", new { date = Today(), meal = "dinner", recipeId = id, grams = 0 })) Assert.True((await ErrorsAsync(r)).ContainsKey("grams"));
        var unweighed = await PostOkAsync(bob, $"{Api(home)}/recipes", new { title = "Unweighed", servings = 2, ingredients = new[] { new { text = "2 large eggs", foodId = "sr28:01123" } } });
        Assert.Null(unweighed["totalGrams"]);
        using (var r = await alice.PostAsync($"{Api(home)}/log", new { date = Today(), meal = "dinner", recipeId = unweighed.Str("id"), grams = 100 })) Assert.True((await ErrorsAsync(r)).ContainsKey("grams"));
        using (var r = await bob.PostAsync($"{Api(home)}/recipes", new { title = "X", servings = 1, totalGrams = -5 })) Assert.True((await ErrorsAsync(r)).ContainsKey("totalGrams"));
        using (var r = await stranger.PostAsync($"{Api(other)}/log", new { date = Today(), meal = "dinner", recipeId = id, grams = 150 })) Assert.True((await ErrorsAsync(r)).ContainsKey("recipeId"));

        // JSON-LD export: a schema.org Recipe with the nutrition per serving, which the import reads back.
        using var export = await alice.GetAsync($"{Api(home)}/recipes/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/ld+json", export.Content.Headers.ContentType!.MediaType);
        var ld = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        Assert.Equal(("https://schema.org", "Recipe", "Milk and eggs", "4"), (ld.Str("@context"), ld.Str("@type"), ld.Str("name"), ld.Str("recipeYield")));
        Assert.Equal(("PT5M", "PT20M", "PT25M"), (ld.Str("prepTime"), ld.Str("cookTime"), ld.Str("totalTime")));
        Assert.Equal(["2 large eggs", "244 g milk"], ld["recipeIngredient"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["HowToSection", "HowToStep"], ld["recipeInstructions"]!.AsArray().Select(i => i!.Str("@type")));
        Assert.Equal($"{recipe["nutrition"]!["perServing"].Num("kcal"):0} kcal", ld["nutrition"]!.Str("calories"));
        Assert.Equal("150 g", ld["nutrition"]!.Str("servingSize"));
        var back = await PostOkAsync(stranger, $"{Api(other)}/recipes/import", new { jsonLd = ld.ToJsonString() });
        Assert.Equal(("Milk and eggs", 4.0, 5.0, 20.0), (back.Str("title"), back.Num("servings"), back.Num("prepMinutes"), back.Num("cookMinutes")));
        Assert.Equal(["Eggs", "Eggs", null], back["steps"]!.AsArray().Select(s => s!["section"]?.GetValue<string>()));
        Assert.Equal(["2 large eggs", "244 g milk"], back["ingredients"]!.AsArray().Select(i => i!.Str("text")));
        Assert.Equal("sr28:01123", back["ingredients"]![0]!.Str("foodId"));

        using (var r = await stranger.GetAsync($"{Api(other)}/recipes/{id}/export")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(home)}/recipes/{id}/export")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await viewer.GetAsync($"{Api(home)}/recipes/{id}/export")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{Guid.NewGuid()}/export")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }
}
