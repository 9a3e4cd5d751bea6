using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

public sealed class SentenceAndCopyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_typed_sentence_becomes_proposed_items_and_unmatched_words_are_shown_not_guessed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, bob, viewer, stranger, home, other) = await CastAsync(host);

        var proposal = await PostOkAsync(alice, $"{Api(home)}/log/sentence", new { sentence = "2 eggs, a slice of wholemeal toast and 200 ml milk" }, HttpStatusCode.OK);
        var items = proposal["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("ready", i!.Str("status")));
        // Two eggs are two medium eggs of SR28 (44 g each, 143 kcal per 100 g).
        Assert.Equal(("sr28:01123", 88.0, 2.0), (items[0]!["suggestion"]!.Str("id"), items[0].Num("grams"), items[0].Num("quantity")));
        Assert.Equal(Math.Round(88 * 1.43), items[0]!["nutrients"].Num("kcal"));
        // "wholemeal toast" is one of SR28's toasted whole-wheat breads, weighed by that bread's own slice.
        var toast = items[1]!["suggestion"]!;
        Assert.Matches("^Bread, whole-wheat, .*toasted$", toast.Str("name"));
        Assert.Equal(("slice", toast["units"]!.AsArray().First(u => u!.Str("name") == "slice")!.Num("grams")), (items[1]!.Str("unit"), items[1].Num("grams")));
        // 200 ml of milk weighs what the milk's own cup says (its density), not 200 g.
        var milk = items[2]!["suggestion"]!;
        Assert.StartsWith("Milk", milk.Str("name"));
        var cup = milk["units"]!.AsArray().First(u => u!.Str("name") == "cup")!.Num("grams");
        Assert.Equal(Math.Round(200 * cup / 236.5882365, 1), items[2].Num("grams"), 0.05);
        Assert.All(items, i => Assert.Empty(i!["unmatched"]!.AsArray()));

        // A household food without units cannot weigh "a cup"; an unknown word is listed, not matched to something.
        await PostOkAsync(bob, $"{Api(home)}/foods", new { name = "Granola Deluxe", kcal = 450, protein = 10, fat = 15, carbohydrate = 68 });
        var honest = (await PostOkAsync(alice, $"{Api(home)}/log/sentence", new { sentence = "1 cup granola deluxe, 3 blorpfruits + 50 g granola deluxe" }, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(("needsGrams", "Granola Deluxe"), (honest[0]!.Str("status"), honest[0]!["suggestion"]!.Str("name")));
        Assert.Null(honest[0]!["grams"]);
        Assert.Equal("unmatched", honest[1]!.Str("status"));
        Assert.Null(honest[1]!["suggestion"]);
        Assert.Equal(["blorpfruits"], honest[1]!["unmatched"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal(("ready", 50.0, 225.0), (honest[2]!.Str("status"), honest[2].Num("grams"), honest[2]!["nutrients"].Num("kcal")));

        // Confirmed, the three items are logged with the client's ids (as the offline queue sends them).
        var ids = new List<Guid>();
        foreach (var item in items)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await PostOkAsync(alice, $"{Api(home)}/log", new { id, date = Today(), meal = "breakfast", foodId = item!["suggestion"]!.Str("id"), grams = item.Num("grams") });
        }
        var day = await alice.GetJsonAsync($"{Api(home)}/log?date={Today()}");
        Assert.Equal(ids.Select(i => i.ToString()), day["meals"]![0]!["entries"]!.AsArray().Select(e => e!.Str("id")));
        Assert.Equal(items.Sum(i => i!["nutrients"].Num("kcal")), day["totals"].Num("kcal"), 1.5);

        // Bad input is a 400 naming the field; viewers cannot use it; another household's path is not found.
        foreach (var bad in new object[] { new { }, new { sentence = "  " }, new { sentence = new string('x', 1001) }, new { sentence = string.Join(", ", Enumerable.Repeat("1 egg", 21)) } })
            using (var r = await alice.PostAsync($"{Api(home)}/log/sentence", bad)) Assert.True((await ErrorsAsync(r)).ContainsKey("sentence"));
        using (var r = await viewer.PostAsync($"{Api(home)}/log/sentence", new { sentence = "1 egg" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await stranger.PostAsync($"{Api(home)}/log/sentence", new { sentence = "1 egg" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        // The household food is Home's: the stranger's own household does not suggest it.
        var theirs = (await PostOkAsync(stranger, $"{Api(other)}/log/sentence", new { sentence = "50 g granola deluxe" }, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal("unmatched", theirs[0]!.Str("status"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_meal_or_a_whole_day_is_copied_within_the_callers_own_diary(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, bob, viewer, stranger, home, other) = await CastAsync(host);
        var yesterday = Today(-1);
        var egg = await PostOkAsync(alice, $"{Api(home)}/log", new { date = yesterday, meal = "breakfast", foodId = "sr28:01123", grams = 100 });
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = yesterday, meal = "lunch", foodId = "sr28:01077", grams = 244 });
        await PostOkAsync(alice, $"{Api(home)}/log", new { date = yesterday, meal = "lunch", label = "Apple pie", kcal = 300, protein = 3 });
        var loggedBefore = (await OutboxAsync(host, "nutrition.meal-logged.v1")).Count;

        // Yesterday's breakfast, one tap today: a copy with its own id and the values logged.
        var copied = (await PostOkAsync(alice, $"{Api(home)}/log/copy", new { fromDate = yesterday, toDate = Today(), meal = "breakfast" })).AsArray();
        Assert.Single(copied);
        Assert.NotEqual(egg.Str("id"), copied[0]!.Str("id"));
        Assert.Equal((Today(), "breakfast", "sr28:01123", 143.0), (copied[0]!.Str("date"), copied[0]!.Str("meal"), copied[0]!.Str("foodId"), copied[0]!["nutrients"].Num("kcal")));

        // The whole day, and a meal into another meal's name.
        var day = (await PostOkAsync(alice, $"{Api(home)}/log/copy", new { fromDate = yesterday, toDate = Today() })).AsArray();
        Assert.Equal(["breakfast", "lunch", "lunch"], day.Select(e => e!.Str("meal")));
        var asSnack = (await PostOkAsync(alice, $"{Api(home)}/log/copy", new { fromDate = yesterday, toDate = yesterday, meal = "Lunch", toMeal = "Snacks" })).AsArray();
        Assert.Equal(["snacks", "snacks"], asSnack.Select(e => e!.Str("meal")));
        var today = await alice.GetJsonAsync($"{Api(home)}/log?date={Today()}");
        Assert.Equal(143 * 2 + 148.84 + 300, today["totals"].Num("kcal"), 1.0);
        var events = await OutboxAsync(host, "nutrition.meal-logged.v1");
        Assert.Equal(loggedBefore + 1 + 3 + 2, events.Count);
        var last = events.Select(e => JsonNode.Parse(e.Payload)!).Single(e => e.Str("entryId") == day[2]!.Str("id"));
        Assert.Equal(Math.Round(143 * 2 + 148.84 + 300, 1), last.Num("dayKcal"), 0.2);

        // Bad input: 400 with the field.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { toDate = Today() }, "fromDate"),
            (new { fromDate = yesterday }, "toDate"),
            (new { fromDate = yesterday, toDate = Today(5) }, "toDate"),
            (new { fromDate = yesterday, toDate = yesterday, meal = "lunch" }, "toDate"),
            (new { fromDate = yesterday, toDate = Today(), toMeal = "dinner" }, "toMeal"),
            (new { fromDate = yesterday, toDate = Today(), meal = "dinner" }, "meal"),
            (new { fromDate = Today(-9), toDate = Today() }, "fromDate"),
        })
            using (var r = await alice.PostAsync($"{Api(home)}/log/copy", body)) Assert.True((await ErrorsAsync(r)).ContainsKey(field), field);

        // Another member copies from their own diary only: Bob's yesterday is empty.
        using (var r = await bob.PostAsync($"{Api(home)}/log/copy", new { fromDate = yesterday, toDate = Today() })) Assert.True((await ErrorsAsync(r)).ContainsKey("fromDate"));
        Assert.Empty((await bob.GetJsonAsync($"{Api(home)}/log?date={Today()}"))["meals"]!.AsArray().SelectMany(m => m!["entries"]!.AsArray()));
        using (var r = await viewer.PostAsync($"{Api(home)}/log/copy", new { fromDate = yesterday, toDate = Today() })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await stranger.PostAsync($"{Api(home)}/log/copy", new { fromDate = yesterday, toDate = Today() })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PostAsync($"{Api(other)}/log/copy", new { fromDate = yesterday, toDate = Today() })) Assert.True((await ErrorsAsync(r)).ContainsKey("fromDate"));
    }
}
