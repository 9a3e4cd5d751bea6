using System.Net;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Nutrition.Infrastructure;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

public sealed class FoodTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_sr28_foods_are_loaded_once_and_searched_generic_first(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var first = await TestHost.StartAsync(db))
        {
            Assert.Equal(8790, await BuiltInCountAsync(first));
            // Loading again, also twice at once, changes nothing.
            var loader = first.Services.GetRequiredService<BuiltInFoodLoader>();
            var again = await Task.WhenAll(loader.LoadAsync(CancellationToken.None), loader.LoadAsync(CancellationToken.None));
            Assert.Equal([0, 0], again);
        }
        await using var host = await TestHost.StartAsync(db);
        Assert.Equal(8790, await BuiltInCountAsync(host));
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home", "UTC");

        var egg = await SearchAsync(owner, home, "egg");
        var names = egg.Select(f => f!.Str("name")).ToList();
        Assert.Equal("Egg, whole, raw, fresh", names[0]);
        var all = (await owner.GetJsonAsync($"{Api(home)}/foods?q=egg&limit=100")).AsArray().Select(f => f!.Str("name")).ToList();
        Assert.True(all.IndexOf("Noodles, egg, dry, enriched") > all.IndexOf("Egg, whole, raw, fresh"), string.Join(" | ", all));
        Assert.Equal(0, all.IndexOf("Egg, whole, raw, fresh"));
        Assert.Equal("sr28:01123", egg[0]!.Str("id"));
        Assert.Equal(143, egg[0].Num("kcal"));
        Assert.Equal(12.56, egg[0].Num("protein"));
        Assert.Contains(egg[0]!["units"]!.AsArray(), u => u!.Str("name") == "large" && u.Num("grams") == 50);

        // Prefix and several words: "all-purp flour" finds the SR28 flour; "creme" finds "Crème" only on word starts.
        var flour = await SearchAsync(owner, home, "flour all-purp");
        Assert.Contains(flour, f => f!.Str("name") == "Wheat flour, white, all-purpose, enriched, bleached");
        Assert.All(flour, f => Assert.Contains("flour", f!.Str("name").ToLowerInvariant()));
        Assert.Empty(await SearchAsync(owner, home, "zzzqqq"));
        // Plurals find the singular.
        Assert.Equal("Egg, whole, raw, fresh", (await SearchAsync(owner, home, "eggs"))[0]!.Str("name"));

        var food = await owner.GetJsonAsync($"{Api(home)}/foods/sr28:20081");
        Assert.Equal(125, food["units"]!.AsArray().Single(u => u!.Str("name") == "cup")!.Num("grams"));
        using (var r = await owner.GetAsync($"{Api(home)}/foods/sr28:99999")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.GetAsync($"{Api(home)}/foods/nonsense")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.GetAsync($"{Api(home)}/foods?q={new string('a', 101)}")) await ErrorsAsync(r);
        using (var r = await owner.GetAsync($"{Api(home)}/foods?q=egg&limit=0")) await ErrorsAsync(r);
        // Search syntax is not passed through: quotes, stars and operators are just characters.
        using (var r = await owner.GetAsync($"{Api(home)}/foods?q={Uri.EscapeDataString("\"egg* OR NEAR(")}")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.GetAsync($"{Api(home)}/foods?q={Uri.EscapeDataString("egg & ! :* |")}")) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Household_foods_are_shared_ranked_first_and_warned_about(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, bob, viewer, stranger, home, other) = await CastAsync(host);

        // Per serving: a 40 g bar of 180 kcal is stored as 450 kcal per 100 g, with "serving" as a unit.
        var bar = await PostOkAsync(alice, $"{Api(home)}/foods", new
        {
            name = "Egg protein bar", brand = "Acme", basis = "serving", servingGrams = 40, kcal = 180, protein = 12, fat = 8, carbohydrate = 15,
            units = new[] { new { name = "piece", grams = 40 } },
        });
        Assert.Equal((450.0, 30.0), (bar.Num("kcal"), bar.Num("protein")));
        Assert.Contains(bar["units"]!.AsArray(), u => u!.Str("name") == "serving" && u.Num("grams") == 40);
        Assert.Empty(bar["warnings"]!.AsArray()); // 4·12 + 4·15 + 9·8 = 180
        var barId = bar.Str("id");

        // More than 15 % off: saved, with a warning.
        var bread = await PostOkAsync(bob, $"{Api(home)}/foods", new { name = "Family bread", kcal = 400, protein = 8, fat = 2, carbohydrate = 45, units = new[] { new { name = "slice", grams = 30 } } });
        Assert.Contains("15 %", bread["warnings"]![0]!.GetValue<string>());

        // Shared: Bob finds Alice's bar first for "egg", above the SR28 egg.
        var found = await SearchAsync(bob, home, "egg");
        Assert.Equal(barId, found[0]!.Str("id"));
        Assert.True(found[0]!["household"]!.GetValue<bool>());
        Assert.Equal("Egg, whole, raw, fresh", found[1]!.Str("name"));

        using (var r = await alice.PutAsync($"{Api(home)}/foods/{barId}", new { name = "Egg protein bar", kcal = 420, protein = 30, fat = 20, carbohydrate = 38 }))
        {
            var changed = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((420.0, 2L), (changed.Num("kcal"), changed["version"]!.GetValue<long>()));
        }
        using (var r = await alice.PostAsync($"{Api(home)}/foods", new { name = "", kcal = -1, protein = 200, fat = 5, saturatedFat = 9, basis = "serving", units = new[] { new { name = "", grams = 0 } } }))
        {
            var errors = await ErrorsAsync(r);
            foreach (var field in new[] { "name", "kcal", "protein", "saturatedFat", "servingGrams", "units" }) Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
        }
        using (var r = await alice.PostAsync($"{Api(home)}/foods", new { name = "Oil", kcal = 1200 })) Assert.True((await ErrorsAsync(r)).ContainsKey("kcal"));
        using (var r = await alice.PutAsync($"{Api(home)}/foods/{Guid.NewGuid()}", new { name = "X", kcal = 1 })) await r.ExpectAsync(HttpStatusCode.NotFound);

        // Another household sees none of it and cannot touch it; a viewer reads but cannot write.
        Assert.DoesNotContain(await SearchAsync(stranger, other, "egg protein"), f => f!.Str("id") == barId);
        using (var r = await stranger.GetAsync($"{Api(other)}/foods/{barId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PutAsync($"{Api(other)}/foods/{barId}", new { name = "Mine", kcal = 1 })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.DeleteAsync($"{Api(other)}/foods/{barId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(home)}/foods?q=egg")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await viewer.GetAsync($"{Api(home)}/foods/{barId}")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await viewer.PostAsync($"{Api(home)}/foods", new { name = "X", kcal = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{Api(home)}/foods/{barId}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(420, (await alice.GetJsonAsync($"{Api(home)}/foods/{barId}")).Num("kcal"));

        using (var r = await alice.DeleteAsync($"{Api(home)}/foods/{barId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await alice.GetAsync($"{Api(home)}/foods/{barId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }
}
