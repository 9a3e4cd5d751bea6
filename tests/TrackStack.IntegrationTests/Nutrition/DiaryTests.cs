using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

public sealed class DiaryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_member_logs_foods_recipes_and_quick_adds_in_a_private_diary(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, aliceId, bob, viewer, stranger, home, other) = await CastAsync(host);

        var targets = await alice.GetJsonAsync($"{Api(home)}/targets");
        Assert.Equal((2300.0, 120.0, true, false), (targets.Num("kcal"), targets.Num("protein"), targets["isDefault"]!.GetValue<bool>(), targets["shareDiary"]!.GetValue<bool>()));

        // Two large eggs by unit, offline-style with the client's id; the replay answers the stored entry.
        var clientId = Guid.NewGuid();
        var eggs = new { id = clientId, date = Today(), meal = "breakfast", foodId = "sr28:01123", quantity = 2, unit = "large" };
        var logged = await PostOkAsync(alice, $"{Api(home)}/log", eggs);
        Assert.Equal((clientId.ToString(), 100.0, 143.0, 12.6), (logged.Str("id"), logged.Num("grams"), logged["nutrients"].Num("kcal"), logged["nutrients"].Num("protein")));
        var replay = await PostOkAsync(alice, $"{Api(home)}/log", eggs, HttpStatusCode.OK);
        Assert.Equal(logged.ToJsonString(), replay.ToJsonString());
        // Another member cannot reuse the id (it is Alice's entry).
        using (var r = await bob.PostAsync($"{Api(home)}/log", eggs)) await r.ExpectAsync(HttpStatusCode.Conflict);

        // By grams, by a mass unit, a recipe by servings, a quick add.
        var milk = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "breakfast", foodId = "sr28:01077", grams = 244 });
        Assert.Equal(149, milk["nutrients"].Num("kcal")); // SR28: 61 kcal per 100 g
        var oz = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "lunch", foodId = "sr28:01077", quantity = 1, unit = "cup" });
        Assert.Equal(244, oz.Num("grams"), 0.01);
        var recipe = await PostOkAsync(bob, $"{Api(home)}/recipes", new { title = "Milk and eggs", servings = 2, ingredients = new[] { new { text = "2 large eggs", foodId = "sr28:01123" }, new { text = "244 g milk", foodId = "sr28:01077" } } });
        var dinner = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "dinner", recipeId = recipe.Str("id"), servings = 1.5 });
        Assert.Equal(Math.Round((143 + 148.84) / 2 * 1.5), dinner["nutrients"].Num("kcal"), 0.6);
        var quick = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "Late snack", label = "Coffee with milk", kcal = 50, protein = 2 });
        Assert.Equal(("quick", "late snack"), (quick.Str("kind"), quick.Str("meal")));

        var day = await alice.GetJsonAsync($"{Api(home)}/log?date={Today()}");
        var total = 143 + 148.84 + 148.84 + (143 + 148.84) / 2 * 1.5 + 50;
        Assert.Equal(total, day["totals"].Num("kcal"), 1.0);
        Assert.Equal(2300 - day["totals"].Num("kcal"), day.Num("remainingKcal"), 1.0);
        Assert.Equal(["breakfast", "lunch", "dinner", "snacks", "late snack"], day["meals"]!.AsArray().Select(m => m!.Str("name")));
        Assert.Equal(2, day["meals"]![0]!["entries"]!.AsArray().Count);
        Assert.Matches(@"^\d+ kcal left, \d+ g protein to go$", day.Str("remaining"));
        var summary = await alice.GetJsonAsync($"{Api(home)}/summary");
        Assert.Equal((day.Num("remainingKcal"), 5.0), (summary.Num("remainingKcal"), summary.Num("entries")));

        // Recent foods first: an empty search gives what Alice logged, not Bob.
        var recent = (await alice.GetJsonAsync($"{Api(home)}/foods?q=")).AsArray();
        Assert.Equal(["sr28:01077", "sr28:01123"], recent.Select(f => f!.Str("id")));
        Assert.All(recent, f => Assert.True(f!["recent"]!.GetValue<bool>()));
        Assert.Empty((await bob.GetJsonAsync($"{Api(home)}/foods?q=")).AsArray());
        Assert.Equal("sr28:01077", (await SearchAsync(alice, home, "milk"))[0]!.Str("id"));

        // Private: Bob sees neither the diary nor its entries, until Alice shares it (read-only for him).
        Assert.Empty((await bob.GetJsonAsync($"{Api(home)}/log?date={Today()}"))["meals"]!.AsArray().SelectMany(m => m!["entries"]!.AsArray()));
        using (var r = await bob.GetAsync($"{Api(home)}/log?date={Today()}&member={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.PutAsync($"{Api(home)}/log/{clientId}", eggs)) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.DeleteAsync($"{Api(home)}/log/{clientId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await alice.PutAsync($"{Api(home)}/targets", new { kcal = 2000, protein = 100, fibre = 30, shareDiary = true }))
        {
            var changed = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((2000.0, false, true), (changed.Num("kcal"), changed["isDefault"]!.GetValue<bool>(), changed["shareDiary"]!.GetValue<bool>()));
        }
        var shared = await bob.GetJsonAsync($"{Api(home)}/log?date={Today()}&member={aliceId}");
        Assert.False(shared["own"]!.GetValue<bool>());
        Assert.Equal(2000 - total, shared.Num("remainingKcal"), 1.0);
        using (var r = await bob.DeleteAsync($"{Api(home)}/log/{clientId}")) await r.ExpectAsync(HttpStatusCode.NotFound);

        // Change and delete, with their events and the day's totals.
        using (var r = await alice.PutAsync($"{Api(home)}/log/{clientId}", new { date = Today(), meal = "breakfast", foodId = "sr28:01123", quantity = 3, unit = "large" }))
        {
            var changed = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((150.0, 2L), (changed.Num("grams"), changed["version"]!.GetValue<long>()));
        }
        using (var r = await alice.DeleteAsync($"{Api(home)}/log/{quick.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        var loggedEvents = await OutboxAsync(host, "nutrition.meal-logged.v1");
        Assert.Equal(5, loggedEvents.Count);
        var lastLogged = loggedEvents.Select(e => JsonNode.Parse(e.Payload)!).Single(e => e.Str("entryId") == quick.Str("id"));
        Assert.Equal(total, lastLogged.Num("dayKcal"), 1.0);
        var changedEvent = JsonNode.Parse(Assert.Single(await OutboxAsync(host, "nutrition.meal-changed.v1")).Payload)!;
        Assert.Equal((214.5, 2.0), (changedEvent.Num("kcal"), changedEvent.Num("version")));
        var deletedEvent = JsonNode.Parse(Assert.Single(await OutboxAsync(host, "nutrition.meal-deleted.v1")).Payload)!;
        Assert.Equal(total + 71.5 - 50, deletedEvent.Num("dayKcal"), 1.0);

        // Bad input: 400 with the fields, never a 5xx.
        async Task Refused(object body, params string[] fields)
        {
            using var r = await alice.PostAsync($"{Api(home)}/log", body);
            var errors = await ErrorsAsync(r);
            foreach (var f in fields) Assert.True(errors.ContainsKey(f), $"no error for {f}: {errors}");
        }
        await Refused(new { date = Today(3), meal = "", foodId = "sr28:01123", grams = 1 }, "date", "meal");
        await Refused(new { date = Today(), meal = "lunch", foodId = "sr28:01123", recipeId = recipe.Str("id"), grams = 1 }, "foodId");
        await Refused(new { date = Today(), meal = "lunch", foodId = "sr28:01123", quantity = 1, unit = "slice" }, "unit");
        await Refused(new { date = Today(), meal = "lunch", foodId = "sr28:01123", grams = -5 }, "grams");
        await Refused(new { date = Today(), meal = "lunch", foodId = "sr28:01123" }, "grams");
        await Refused(new { date = Today(), meal = "lunch", foodId = "sr28:99999", grams = 5 }, "foodId");
        await Refused(new { date = Today(), meal = "lunch", label = "", kcal = -1 }, "label", "kcal");
        await Refused(new { date = Today(), meal = "lunch", recipeId = recipe.Str("id"), servings = 0 }, "servings");
        using (var r = await alice.PutAsync($"{Api(home)}/targets", new { kcal = 100, protein = -1 }))
        {
            var errors = await ErrorsAsync(r);
            Assert.True(errors.ContainsKey("kcal") && errors.ContainsKey("protein"));
        }
        using (var r = await alice.GetAsync($"{Api(home)}/log?date=notadate")) Assert.True((int)r.StatusCode is >= 400 and < 500);

        // Another household: its ids are not found, its members see nothing; a viewer cannot write.
        await Refused(new { date = Today(), meal = "lunch", recipeId = Guid.NewGuid(), servings = 1 }, "recipeId");
        using (var r = await stranger.PostAsync($"{Api(other)}/log", new { date = Today(), meal = "lunch", recipeId = recipe.Str("id"), servings = 1 }))
            Assert.True((await ErrorsAsync(r)).ContainsKey("recipeId"));
        using (var r = await stranger.PutAsync($"{Api(other)}/log/{clientId}", eggs)) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.DeleteAsync($"{Api(other)}/log/{clientId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PostAsync($"{Api(other)}/log", eggs)) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await stranger.GetAsync($"{Api(other)}/log?date={Today()}&member={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(home)}/log")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await viewer.PostAsync($"{Api(home)}/log", new { date = Today(), meal = "lunch", label = "x", kcal = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{Api(home)}/targets", new { kcal = 2000, protein = 100 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.GetAsync($"{Api(home)}/log?date={Today()}&member={aliceId}")) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, (await alice.GetJsonAsync($"{Api(home)}/summary")).Num("entries"));
    }
}
