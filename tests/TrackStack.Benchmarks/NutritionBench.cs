using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TrackStack.Nutrition.Importing;

namespace TrackStack.Benchmarks;

/// <summary>Food search over the SR28 foods alone (the baseline), then over SR28 plus a FoodData Central export of
/// 300,000 generated branded foods brought in by the import command's own path (CSV files on disk, streamed,
/// bulk-inserted); and the nutrition of a recipe with twelve linked ingredients. Target: search p99 ≤ 20 ms.</summary>
internal static class NutritionBench
{
    public const int ImportedFoods = 300_000;
    private static readonly string[] Queries = ["egg", "chicken breast", "oat", "bro"];

    // Branded names as FDC lists them: brand, qualifiers, the food, its form. Common words are drawn more often
    // (squared random index), so "chicken" and "bro…" match tens of thousands of foods as in the real export.
    private static readonly string[] Brands = ["GREAT VALUE", "KROGER", "KIRKLAND SIGNATURE", "365 WHOLE FOODS", "TRADER JOE'S", "MARKET PANTRY", "HARVEST FARMS", "BLUE RIBBON", "NATURE'S PATH", "GOOD & GATHER", "SIMPLE TRUTH", "MEIJER", "FOOD LION", "HY-VEE", "WEGMANS", "PUBLIX", "SHOPRITE", "HEB", "ALDI", "SPROUTS"];
    private static readonly string[] Qualifiers = ["ORGANIC", "LOW FAT", "REDUCED SODIUM", "ORIGINAL", "CLASSIC", "HONEY", "SMOKED", "ROASTED", "SPICY", "GLUTEN FREE", "WHOLE GRAIN", "FAT FREE", "FAMILY SIZE", "GARLIC", "BBQ", "VANILLA", "CHOCOLATE", "LEMON", "SEA SALT", "KETTLE COOKED"];
    private static readonly string[] Foods = ["CHICKEN BREAST", "CHICKEN", "BEEF", "OATMEAL", "OAT MILK", "ROLLED OATS", "EGG NOODLES", "EGGS", "BROCCOLI", "BROWNIE", "BROWN RICE", "BROTH", "BREAD", "CHEESE", "YOGURT", "PASTA", "TORTILLA CHIPS", "GRANOLA", "PEANUT BUTTER", "ICE CREAM", "TURKEY", "SALMON", "TUNA", "CRACKERS", "COOKIES", "POTATO CHIPS", "SALSA", "HUMMUS", "APPLE JUICE", "ALMONDS", "BAGELS", "MUFFINS", "SAUSAGE", "BACON", "SPINACH", "CEREAL", "PRETZELS", "POPCORN", "SOUP", "PIZZA"];
    private static readonly string[] Forms = ["", "", "BITES", "STRIPS", "FILLETS", "BARS", "MIX", "SPREAD", "CUPS", "SNACKS", "NUGGETS", "SLICES", "PATTIES", "WRAPS", "CLUSTERS"];

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, int samples)
    {
        var lines = new List<string>();
        var baseUrl = $"/api/households/{host.HouseholdId}/nutrition";
        var baseline = new Dictionary<string, Latency>();
        foreach (var q in Queries) baseline[q] = await SearchAsync(host, baseUrl, q, samples, "SR28 alone");
        foreach (var q in Queries) lines.Add(baseline[q].ToString());

        var folder = Directory.CreateTempSubdirectory("trackstack-bench-fdc-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            var rows = WriteExport(folder, ImportedFoods);
            var written = watch.Elapsed.TotalSeconds;
            watch.Restart();
            await using (var scope = host.App.Services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<FdcImporter>().ImportAsync(FdcExport.Open(folder), TextWriter.Null, CancellationToken.None);
                if (result.Written != ImportedFoods) throw new InvalidOperationException($"The import wrote {result.Written} foods, not {ImportedFoods}.");
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var size = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1e6;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"import-fdc of {ImportedFoods:N0} foods ({rows:N0} CSV rows, {size:F0} MB, written in {written:F1} s): {seconds:F1} s, {ImportedFoods / seconds:N0} foods/s"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }

        foreach (var q in Queries)
        {
            var with = await SearchAsync(host, baseUrl, q, samples, $"SR28 + {ImportedFoods / 1000}k imported");
            lines.Add(with.ToString());
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  p99 / SR28 alone = {with.P99 / baseline[q].P99:F2}x (target p99 ≤ 20 ms: {(with.P99 <= 20 ? "met" : "MISSED")})"));
        }

        // A recipe of twelve ingredients, each linked to a food (SR28 and imported), by grams.
        var found = new List<string>();
        foreach (var q in new[] { "flour", "egg", "milk", "butter", "sugar", "oat", "chicken breast", "broccoli", "rice", "cheese", "salt", "onion" })
        {
            var foods = (await host.Client.GetFromJsonAsync<JsonArray>($"{baseUrl}/foods?q={Uri.EscapeDataString(q)}&limit=1"))!;
            found.Add(foods[0]!["id"]!.GetValue<string>());
        }
        using var created = await host.Client.PostAsJsonAsync($"{baseUrl}/recipes", new
        {
            title = "Bench casserole", servings = 6,
            ingredients = found.Select((id, i) => new { text = $"{50 + (i * 10)} g ingredient {i}", foodId = id, grams = 50.0 + (i * 10) }).ToArray(),
        });
        await Measure.EnsureOkAsync(created);
        var recipeId = (await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        using var single = await host.Client.PostAsJsonAsync($"{baseUrl}/recipes", new
        {
            title = "Bench egg", servings = 1, ingredients = new[] { new { text = "50 g egg", foodId = found[1], grams = 50.0 } },
        });
        await Measure.EnsureOkAsync(single);
        var singleId = (await single.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var one = await Measure.LatencyAsync("GET nutrition/recipes/{id} (1 linked ingredient)", 10, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/recipes/{singleId}");
            r.EnsureSuccessStatusCode();
        });
        var twelve = await Measure.LatencyAsync("GET nutrition/recipes/{id} (12 linked ingredients)", 10, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/recipes/{recipeId}");
            r.EnsureSuccessStatusCode();
        });
        lines.Add(one.ToString());
        lines.Add(twelve.ToString());
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  12 ingredients / 1 = {twelve.P50 / one.P50:F2}x (p50)"));
        return lines;
    }

    private static Task<Latency> SearchAsync(BenchHost host, string baseUrl, string q, int samples, string over) =>
        Measure.LatencyAsync($"GET nutrition/foods?q={q} ({over})", 10, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/foods?q={Uri.EscapeDataString(q)}");
            r.EnsureSuccessStatusCode();
        });

    /// <summary>The five files of an FDC CSV export, quoted as FDC quotes them: each food with six nutrients (energy
    /// as 1008, or only as kJ for every tenth) and one portion. Returns the number of rows written.</summary>
    private static long WriteExport(string folder, int count)
    {
        var random = new Random(20261202);
        string Pick(string[] words) => words[(int)(Math.Pow(random.NextDouble(), 2) * words.Length)];
        using var food = new StreamWriter(Path.Combine(folder, "food.csv"), false, new UTF8Encoding(false));
        using var values = new StreamWriter(Path.Combine(folder, "food_nutrient.csv"), false, new UTF8Encoding(false));
        using var portions = new StreamWriter(Path.Combine(folder, "food_portion.csv"), false, new UTF8Encoding(false));
        food.WriteLine("\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"");
        values.WriteLine("\"id\",\"fdc_id\",\"nutrient_id\",\"amount\",\"data_points\",\"derivation_id\",\"min\",\"max\",\"median\",\"loq\",\"footnote\",\"min_year_acquired\"");
        portions.WriteLine("\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\",\"modifier\",\"gram_weight\",\"data_points\",\"footnote\",\"min_year_acquired\"");
        long rows = 0, valueId = 1;
        for (var i = 0; i < count; i++)
        {
            var id = 3_000_000 + i;
            var form = Pick(Forms);
            var name = $"{Pick(Brands)} {Pick(Qualifiers)} {Pick(Foods)}{(form.Length > 0 ? " " + form : "")}";
            food.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"{id}\",\"branded_food\",\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"\",\"2024-04-18\""));
            var kcal = random.Next(20, 600);
            void Value(int nutrient, double amount) =>
                values.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"{valueId++}\",\"{id}\",\"{nutrient}\",\"{amount:0.##}\",\"\",\"75\",\"\",\"\",\"\",\"\",\"\",\"\""));
            if (i % 10 == 0) Value(1062, kcal * 4.184); else Value(1008, kcal);
            Value(1003, random.NextDouble() * 30);
            Value(1004, random.NextDouble() * 30);
            Value(1005, random.NextDouble() * 70);
            Value(2000, random.NextDouble() * 20);
            Value(1093, random.Next(0, 1200));
            portions.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"{id}\",\"{id}\",\"1\",\"1\",\"9999\",\"1 serving\",\"\",\"{random.Next(20, 250)}\",\"\",\"\",\"\""));
            rows += 8;
        }
        File.WriteAllText(Path.Combine(folder, "nutrient.csv"), "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n\"1003\",\"Protein\",\"G\",\"203\",\"600\"\n\"1004\",\"Total lipid (fat)\",\"G\",\"204\",\"800\"\n\"1005\",\"Carbohydrate, by difference\",\"G\",\"205\",\"1110\"\n\"1008\",\"Energy\",\"KCAL\",\"208\",\"300\"\n\"1062\",\"Energy\",\"kJ\",\"268\",\"400\"\n\"1093\",\"Sodium, Na\",\"MG\",\"307\",\"5800\"\n\"2000\",\"Sugars, total including NLEA\",\"G\",\"269\",\"1510\"\n");
        File.WriteAllText(Path.Combine(folder, "measure_unit.csv"), "\"id\",\"name\"\n\"9999\",\"undetermined\"\n");
        return rows;
    }
}
