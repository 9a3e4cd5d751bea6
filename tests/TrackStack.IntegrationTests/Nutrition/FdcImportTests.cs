using System.Net;
using Microsoft.EntityFrameworkCore;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Nutrition.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

/// <summary>'nutrition import-fdc' run as the built host's process on tests/fixtures/fdc-sample (FDC's CSV layout),
/// then the foods searched and used over HTTP by households that had nothing to do with the import.</summary>
public sealed class FdcImportTests
{
    private static string Sample => Path.GetDirectoryName(Fixtures.PathOf("fdc-sample/food.csv"))!;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_export_becomes_foods_every_household_finds_and_a_newer_one_updates_them_in_place(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (code, output, error) = await ImportAsync(db, Sample);
        Assert.True(code == 0, error + output);
        Assert.Contains("food_nutrient.csv: 26 rows read", output);
        Assert.Contains("Imported 4 foods (4 new, 0 updated, 1 rows without an id or name skipped)", output);

        await using (var host = await TestHost.StartAsync(db))
        {
            var (alice, _, _, _, stranger, home, other) = await CastAsync(host);
            // Energy from 1008 where given; the kJ of the same food are not used then.
            var eggs = await SearchAsync(alice, home, "egg whole");
            var egg = eggs.Single(f => f!.Str("id") == "fdc:171287")!;
            Assert.Contains(eggs, f => f!.Str("id") == "sr28:01123"); // the built-in one is still there
            Assert.Equal((143.0, 12.56, 9.51, 3.126, 0.72, 0.37, 0.0, 142.0), (egg.Num("kcal"), egg.Num("protein"), egg.Num("fat"),
                egg.Num("saturatedFat"), egg.Num("carbohydrate"), egg.Num("sugars"), egg.Num("fibre"), egg.Num("sodiumMg")));
            Assert.False(egg["household"]!.GetValue<bool>());
            // Portions are units of one: "2 large" of 100 g is large = 50 g; a measure unit with its modifier.
            Assert.Equal(["large=50", "cup, chopped=136"], egg["units"]!.AsArray().Select(u => $"{u!.Str("name")}={u.Num("grams")}"));

            // Only the Atwater general figure (2047, before 2048): its kcal; searched by another household.
            var kiwi = (await SearchAsync(stranger, other, "kiwifruit gold")).Single(f => f!.Str("id") == "fdc:2346401")!;
            Assert.Equal((63.1, "fruit", 86.0), (kiwi.Num("kcal"), kiwi["units"]![0]!.Str("name"), kiwi["units"]![0].Num("grams")));
            // Only kJ: 1674 kJ / 4.184.
            var bar = Assert.Single(await SearchAsync(stranger, other, "quokka"))!;
            Assert.Equal(("fdc:2700001", "QUOKKA OAT CRUNCH BAR", 400.1, 10.0), (bar.Str("id"), bar.Str("name"), bar.Num("kcal"), bar.Num("protein")));
            Assert.Null(bar["sugars"]);
            // A quoted description with a comma and doubled quotes, and a survey portion ("1 pancake (6" dia)").
            var pancake = (await SearchAsync(alice, home, "buttermilk pancake")).Single(f => f!.Str("id") == "fdc:2700002")!;
            Assert.Equal("Pancake mix, \"buttermilk\" style, prepared", pancake.Str("name"));
            Assert.Equal(["pancake (6\" dia), ready-to-eat=77"], pancake["units"]!.AsArray().Select(u => $"{u!.Str("name")}={u.Num("grams")}"));

            var got = await alice.GetJsonAsync($"{Api(home)}/foods/fdc:2346401");
            Assert.Equal("Kiwifruit, gold, raw", got.Str("name"));
            using (var r = await alice.GetAsync($"{Api(home)}/foods/fdc:2700003")) await r.ExpectAsync(HttpStatusCode.NotFound); // no name: skipped
            using (var r = await alice.GetAsync($"{Api(home)}/foods/fdc:9999999")) await r.ExpectAsync(HttpStatusCode.NotFound); // only in food_nutrient.csv
            using (var r = await alice.GetAsync($"{Api(home)}/foods/fdc:12x")) await r.ExpectAsync(HttpStatusCode.NotFound);

            // An imported food is logged like any other: two large eggs.
            var logged = await PostOkAsync(alice, $"{Api(home)}/log", new { date = Today(), meal = "breakfast", foodId = "fdc:171287", quantity = 2, unit = "large" });
            Assert.Equal((100.0, 143.0), (logged.Num("grams"), logged["nutrients"].Num("kcal")));
        }

        // The same export again: every food updated, none added.
        (code, output, error) = await ImportAsync(db, Sample);
        Assert.True(code == 0, error + output);
        Assert.Contains("Imported 4 foods (0 new, 4 updated", output);

        // A newer export renames a food and changes its energy: the same id, found by the new name only.
        var newer = Directory.CreateTempSubdirectory("trackstack-fdc-").FullName;
        foreach (var file in Directory.GetFiles(Sample)) File.Copy(file, Path.Combine(newer, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(newer, "food.csv"), File.ReadAllText(Path.Combine(Sample, "food.csv")).Replace("Kiwifruit, gold, raw", "Kiwifruit, SunGold, raw", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(newer, "food_nutrient.csv"), File.ReadAllText(Path.Combine(Sample, "food_nutrient.csv")).Replace("\"2047\",\"63.1\"", "\"2047\",\"65\"", StringComparison.Ordinal));
        (code, output, error) = await ImportAsync(db, newer);
        Assert.True(code == 0, error + output);
        Assert.Contains("Imported 4 foods (0 new, 4 updated", output);

        await using (var host = await TestHost.StartAsync(db))
        {
            await using (var scope = host.Services.CreateAsyncScope())
                Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<NutritionDb>().ImportedFoods.CountAsync());
            var (owner, _) = await Accounts.RegisterAsync(host, "later@example.org");
            var home = await Accounts.CreateHouseholdAsync(owner, "Later", "UTC");
            var kiwi = (await SearchAsync(owner, home, "sungold")).Single(f => f!.Str("id") == "fdc:2346401")!; // SR28 has a ZESPRI SunGold too
            Assert.Equal(("Kiwifruit, SunGold, raw", 65.0), (kiwi.Str("name"), kiwi.Num("kcal")));
            Assert.DoesNotContain(await SearchAsync(owner, home, "kiwifruit gold"), f => f!.Str("id") == "fdc:2346401");
            Assert.Single(await SearchAsync(owner, home, "quokka"));
        }
    }

    [Fact]
    public async Task A_wrong_folder_or_file_stops_with_a_message_before_the_database_is_touched()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var missing = Path.Combine(db.DataDir, "no-such-folder");
        var (code, _, error) = await ImportAsync(db, missing);
        Assert.Equal(1, code);
        Assert.Contains($"The folder {missing} does not exist.", error);

        var partial = Directory.CreateTempSubdirectory("trackstack-fdc-").FullName;
        foreach (var file in Directory.GetFiles(Sample).Where(f => !f.EndsWith("food_portion.csv", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(partial, Path.GetFileName(file)));
        (code, _, error) = await ImportAsync(db, partial);
        Assert.Equal(1, code);
        Assert.Contains("food_portion.csv is missing in", error);

        // A file with another layout (SR28's NUT_DATA has no header names): the column it lacks is named.
        File.Copy(Path.Combine(Sample, "food_portion.csv"), Path.Combine(partial, "food_portion.csv"));
        File.WriteAllText(Path.Combine(partial, "food_nutrient.csv"), "\"id\",\"fdc_id\",\"nutrient\",\"amount\"\n\"1\",\"171287\",\"1008\",\"143\"\n");
        (code, _, error) = await ImportAsync(db, partial);
        Assert.Equal(1, code);
        Assert.Contains("food_nutrient.csv has no column \"nutrient_id\"", error);
        File.WriteAllText(Path.Combine(partial, "food_nutrient.csv"), "");
        (code, _, error) = await ImportAsync(db, partial);
        Assert.Equal(1, code);
        Assert.Contains("food_nutrient.csv is empty", error);
        Assert.False(File.Exists(Path.Combine(db.DataDir, "nutrition.db")));
    }

    private static Task<(int Code, string Output, string Error)> ImportAsync(TestDatabase db, string folder)
    {
        var env = new Dictionary<string, string> { ["TrackStack__Database__Provider"] = db.Provider };
        if (db.ConnectionString is not null) env["TrackStack__Database__ConnectionString"] = db.ConnectionString;
        return HostCli.RunAsync(db.DataDir, ["nutrition", "import-fdc", folder], env: env);
    }
}
