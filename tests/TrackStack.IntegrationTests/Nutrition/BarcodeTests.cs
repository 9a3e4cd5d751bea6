using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

/// <summary>Barcode lookup against a local fake of Open Food Facts serving real OFF product answers (tests/fixtures).</summary>
public sealed class BarcodeTests
{
    private static Task<LoopbackSite> StartFakeOpenFoodFactsAsync()
    {
        var answers = new Dictionary<string, string>
        {
            ["3366321052331"] = File.ReadAllText(Fixtures.PathOf("nutrition/off_3366321052331.json")),
            ["5010251168577"] = File.ReadAllText(Fixtures.PathOf("nutrition/off_go_5010251168577.json")),
        };
        return LoopbackSite.StartAsync(app => app.MapGet("/api/v2/product/{file}", (string file) =>
        {
            var code = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file;
            // OFF answers an unknown product with 404 and status 0.
            return answers.TryGetValue(code, out var body)
                ? Results.Content(body, "application/json")
                : Results.Content($$"""{"code":"{{code}}","status":0,"status_verbose":"product not found"}""", "application/json", statusCode: 404);
        }));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_barcode_found_in_open_food_facts_becomes_a_household_food_with_its_attribution(string provider)
    {
        await using var off = await StartFakeOpenFoodFactsAsync();
        var baseUrl = off.BaseUrl;
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Nutrition:OpenFoodFactsUrl"] = baseUrl });
        var (alice, _, bob, viewer, stranger, home, other) = await CastAsync(host);

        // kcal given per 100 g; the 10 g serving becomes the "serving" unit; sodium 0.18 g is 180 mg.
        var spread = await PostOkAsync(alice, $"{Api(home)}/foods/barcode", new { barcode = "3366321052331" });
        Assert.Equal(("St Hubert bio doux pour tartine et cuisine", "St Hubert", "3366321052331"), (spread.Str("name"), spread.Str("brand"), spread.Str("barcode")));
        Assert.Equal((470.0, 52.0, 17.0, 0.0, 180.0), (spread.Num("kcal"), spread.Num("fat"), spread.Num("saturatedFat"), spread.Num("protein"), spread.Num("sodiumMg")));
        Assert.Equal(("serving", 10.0), (spread["units"]![0]!.Str("name"), spread["units"]![0].Num("grams")));
        Assert.Contains("Open Food Facts", spread.Str("attribution"));
        Assert.Contains("ODbL", spread.Str("attribution"));
        Assert.True(spread["household"]!.GetValue<bool>());

        // Energy in kJ only: 286 kJ ÷ 4.184.
        var milk = await PostOkAsync(alice, $"{Api(home)}/foods/barcode", new { barcode = "5010251168577" });
        Assert.Equal(("British Whole Milk", "Morrisons"), (milk.Str("name"), milk.Str("brand")));
        Assert.Equal(Math.Round(286 / 4.184, 2), milk.Num("kcal"));
        Assert.Empty(milk["units"]!.AsArray());

        // Found again (by Bob too: household foods are shared) without asking OFF; it is searchable and loggable by its serving.
        Assert.Equal(2, off.Requests);
        var again = await PostOkAsync(bob, $"{Api(home)}/foods/barcode", new { barcode = "3366321052331" }, HttpStatusCode.OK);
        Assert.Equal(spread.Str("id"), again.Str("id"));
        Assert.Equal(2, off.Requests);
        Assert.Equal(spread.Str("id"), (await SearchAsync(bob, home, "st hubert"))[0]!.Str("id"));
        var logged = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "breakfast", foodId = spread.Str("id"), quantity = 2, unit = "serving" });
        Assert.Equal((20.0, 94.0), (logged.Num("grams"), logged["nutrients"].Num("kcal")));

        using (var r = await alice.PostAsync($"{Api(home)}/foods/barcode", new { barcode = "4000000000001" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        foreach (var bad in new[] { "", "12345", "abcdefghij", "123456789012345", " 12 34 56 78 " })
            using (var r = await alice.PostAsync($"{Api(home)}/foods/barcode", new { barcode = bad })) Assert.True((await ErrorsAsync(r)).ContainsKey("barcode"), bad);
        using (var r = await viewer.PostAsync($"{Api(home)}/foods/barcode", new { barcode = "3366321052331" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await stranger.PostAsync($"{Api(home)}/foods/barcode", new { barcode = "3366321052331" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        // Another household gets its own food (a new lookup), and cannot read Home's.
        var theirs = await PostOkAsync(stranger, $"{Api(other)}/foods/barcode", new { barcode = "3366321052331" });
        Assert.NotEqual(spread.Str("id"), theirs.Str("id"));
        using (var r = await stranger.GetAsync($"{Api(other)}/foods/{spread.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Barcode_lookup_is_off_by_default(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, _, _, _, home, _) = await CastAsync(host);
        using var r = await alice.PostAsync($"{Api(home)}/foods/barcode", new { barcode = "3366321052331" });
        Assert.Contains("off on this server", (await ErrorsAsync(r))["barcode"]![0]!.GetValue<string>());
    }
}
