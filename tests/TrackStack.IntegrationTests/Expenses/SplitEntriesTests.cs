using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>An entry split across categories counts each part in its category and tank exactly once.</summary>
public sealed class SplitEntriesTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_split_entry_counts_each_part_once_in_categories_tanks_and_the_month(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, $"split-{provider}@example.org");
        var groceries = await api.CategoryAsync("Groceries");
        var restaurants = await api.CategoryAsync("Restaurants");
        await api.AddAsync("2030-03-04", 1000, "Bakery", groceries);

        using (var r = await api.Client.PostAsync($"{api.Base}/entries", new
               {
                   date = "2030-03-05", amountCents = 10000, title = "Supermarket",
                   parts = new[] { new { categoryId = groceries, amountCents = 7000 }, new { categoryId = restaurants, amountCents = 3000 } },
               }))
        {
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Null(created["categoryId"]);
            Assert.Equal([("Groceries", 7000L), ("Restaurants", 3000L)], created["parts"]!.AsArray().Select(p => (p.Str("categoryName"), Cents(p, "amountCents"))));
        }

        var month = await api.MonthAsync("2030-03");
        Assert.Equal(11000, Cents(month, "spentCents"));
        Assert.Equal(0, Cents(month, "uncategorisedCents"));
        Assert.Equal(8000, Cents(Tank(month, "fund"), "spentCents"));
        Assert.Equal(3000, Cents(Tank(month, "fun"), "spentCents"));
        var byCategory = month["categories"]!.AsArray().ToDictionary(c => c.Str("name"), c => Cents(c, "spentCents"));
        Assert.Equal(new Dictionary<string, long> { ["Groceries"] = 8000, ["Restaurants"] = 3000 }, byCategory);

        // The list filtered by a part's category finds the entry and counts only that part in the total.
        var fun = await api.Client.GetJsonAsync($"{api.Base}/entries?month=2030-03&tank=fun");
        Assert.Equal(["Supermarket"], fun["items"]!.AsArray().Select(e => e.Str("title")));
        Assert.Equal(3000, Cents(fun, "totalCents"));
        var groceriesList = await api.Client.GetJsonAsync($"{api.Base}/entries?month=2030-03&categoryId={groceries}");
        Assert.Equal(8000, Cents(groceriesList, "totalCents"));
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries?month=2030-03&categoryId=none"))["total"]!.GetValue<int>());

        // The CSV has one row per part, so its amounts still sum to what was spent.
        var csv = await (await api.Client.GetAsync($"{api.Base}/export?month=2030-03")).Content.ReadAsStringAsync();
        var lines = csv.Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2030-03-05,70.00,", StringComparison.Ordinal) && l.Contains(",Groceries,") && l.EndsWith(",1/2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2030-03-05,30.00,", StringComparison.Ordinal) && l.Contains(",Restaurants,") && l.EndsWith(",2/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_replaces_the_parts_and_an_unsplit_edit_puts_it_back_in_one_category()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "split-edit@example.org");
        var groceries = await api.CategoryAsync("Groceries");
        var restaurants = await api.CategoryAsync("Restaurants");
        var travel = await api.CategoryAsync("Travel");
        var entry = await api.AddAsync("2030-04-02", 5000, "Market", groceries);
        var id = entry.Str("id");

        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{id}", new
               {
                   date = "2030-04-02", amountCents = 5000, title = "Market",
                   parts = new[] { new { categoryId = restaurants, amountCents = 1000 }, new { categoryId = travel, amountCents = 4000 } },
               }))
        {
            var changed = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, changed["parts"]!.AsArray().Count);
        }
        var month = await api.MonthAsync("2030-04");
        Assert.Equal((0L, 5000L), (Cents(Tank(month, "fund"), "spentCents"), Cents(Tank(month, "fun"), "spentCents")));
        Assert.Equal(2, (await api.Client.GetJsonAsync($"{api.Base}/entries/{id}"))["parts"]!.AsArray().Count);

        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{id}", new { date = "2030-04-02", amountCents = 5000, title = "Market", categoryId = groceries }))
        {
            Assert.Empty((await r.ReadJsonAsync(HttpStatusCode.OK))["parts"]!.AsArray());
        }
        month = await api.MonthAsync("2030-04");
        Assert.Equal((5000L, 0L), (Cents(Tank(month, "fund"), "spentCents"), Cents(Tank(month, "fun"), "spentCents")));

        // Deleting a category a part uses needs a reassignment, which moves the part.
        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{id}", new
               {
                   date = "2030-04-02", amountCents = 5000, title = "Market",
                   parts = new[] { new { categoryId = restaurants, amountCents = 1000 }, new { categoryId = travel, amountCents = 4000 } },
               })) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await api.Client.DeleteAsync($"{api.Base}/categories/{travel}")) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await api.Client.DeleteAsync($"{api.Base}/categories/{travel}?reassignTo={groceries}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        month = await api.MonthAsync("2030-04");
        Assert.Equal((4000L, 1000L), (Cents(Tank(month, "fund"), "spentCents"), Cents(Tank(month, "fun"), "spentCents")));

        // Rules never fold a split back into one category.
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { pattern = "market", categoryId = groceries })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await api.Client.PostAsync($"{api.Base}/rules/apply", new { onlyUncategorised = false })) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await api.Client.GetJsonAsync($"{api.Base}/entries/{id}"))["parts"]!.AsArray().Count);

        // Deleting the entry deletes its parts with it.
        using (var r = await api.Client.DeleteAsync($"{api.Base}/entries/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, Cents(await api.MonthAsync("2030-04"), "spentCents"));
    }

    [Fact]
    public async Task Deleting_one_of_a_splits_two_categories_into_the_other_leaves_an_entry_of_that_category()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "split-fold@example.org");
        var groceries = await api.CategoryAsync("Groceries");
        var travel = await api.CategoryAsync("Travel");
        var entry = await api.AddAsync("2030-05-02", 5000, "Market", groceries);
        var id = entry.Str("id");
        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{id}", new
               {
                   date = "2030-05-02", amountCents = 5000, title = "Market",
                   parts = new[] { new { categoryId = groceries, amountCents = 1000 }, new { categoryId = travel, amountCents = 4000 } },
               })) await r.ExpectAsync(HttpStatusCode.OK);

        using (var r = await api.Client.DeleteAsync($"{api.Base}/categories/{travel}?reassignTo={groceries}")) await r.ExpectAsync(HttpStatusCode.NoContent);

        var stored = await api.Client.GetJsonAsync($"{api.Base}/entries/{id}");
        Assert.Empty(stored["parts"]!.AsArray());
        Assert.Equal(groceries.ToString(), stored.Str("categoryId"));
        // The entry can be saved again as it is (a one-part split would be refused).
        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{id}", new { date = "2030-05-02", amountCents = 5000, title = "Market again", categoryId = groceries }))
            await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(5000, Cents((await api.MonthAsync("2030-05"))["categories"]!.AsArray().Single(c => c.Str("name") == "Groceries")!, "spentCents"));
    }

    [Fact]
    public async Task Parts_that_do_not_add_up_or_name_unknown_categories_are_field_errors()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "split-bad@example.org");
        var other = await SignUpAsync(host, "split-other@example.org");
        var groceries = await api.CategoryAsync("Groceries");
        var restaurants = await api.CategoryAsync("Restaurants");
        var foreign = await other.CategoryAsync("Travel");

        async Task<string[]> ErrorsAsync(object body)
        {
            using var r = await api.Client.PostAsync($"{api.Base}/entries", body);
            var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            return problem["errors"]!.AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        }
        object Body(long total, Guid? category, params (Guid? Category, long? Cents)[] parts) =>
            new { date = "2030-05-01", amountCents = total, title = "X", categoryId = category, parts = parts.Select(p => new { categoryId = p.Category, amountCents = p.Cents }) };

        Assert.Equal(["parts"], await ErrorsAsync(Body(1000, null, (groceries, 600), (restaurants, 300))));
        Assert.Equal(["parts"], await ErrorsAsync(Body(1000, null, (groceries, 1000))));
        Assert.Equal(["parts[1].categoryId"], await ErrorsAsync(Body(1000, null, (groceries, 600), (foreign, 400))));
        Assert.Equal(["parts[1].categoryId"], await ErrorsAsync(Body(1000, null, (groceries, 600), (groceries, 400))));
        Assert.Equal(["parts[0].amountCents"], await ErrorsAsync(Body(1000, null, (groceries, 0), (restaurants, 1000))));
        Assert.Equal(["parts[1].categoryId"], await ErrorsAsync(Body(1000, null, (groceries, 600), (null, 400))));
        Assert.Equal(["categoryId"], await ErrorsAsync(Body(1000, groceries, (groceries, 600), (restaurants, 400))));
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_split_heating_entry_whose_price_changes_goes_back_to_one_category_so_nothing_is_lost()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "split-stove@example.org");
        var heatingCategory = await api.CategoryAsync("Heating");
        var travel = await api.CategoryAsync("Travel");
        var heating = $"/api/households/{api.HouseholdId}/heating";
        var purchaseId = Guid.NewGuid();
        using (var r = await api.Client.PostAsync($"{heating}/purchases", new { id = purchaseId, date = "2026-10-12", quantity = 70, unit = "bag", totalPriceCents = 38500 }))
            await r.ExpectAsync(HttpStatusCode.Created);
        System.Text.Json.Nodes.JsonNode? entry = null;
        await Events.EventDeliveryTests.WaitUntilAsync(async () =>
            (entry = (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["items"]!.AsArray().FirstOrDefault()) is not null);
        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{entry!.Str("id")}", new
               {
                   date = "2026-10-12", amountCents = 38500, title = entry.Str("title"),
                   parts = new[] { new { categoryId = heatingCategory, amountCents = 30000 }, new { categoryId = travel, amountCents = 8500 } },
               })) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(8500, Cents(Tank(await api.MonthAsync("2026-10"), "fun"), "spentCents"));

        using (var r = await api.Client.PutAsync($"{heating}/purchases/{purchaseId}", new { date = "2026-10-12", quantity = 70, unit = "bag", totalPriceCents = 39900 }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => Cents(await api.MonthAsync("2026-10"), "spentCents") == 39900);
        var month = await api.MonthAsync("2026-10");
        Assert.Equal((39900L, 0L), (Cents(Tank(month, "fund"), "spentCents"), Cents(Tank(month, "fun"), "spentCents")));
    }
}
