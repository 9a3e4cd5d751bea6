using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>The desktop table: sorting done by the server (so it holds across pages) and bulk changes of selected entries.</summary>
public sealed class EntrySortAndBulkTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Entries_sort_by_date_amount_title_and_category_across_pages(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, $"sort-{provider}@example.org");
        var groceries = await api.CategoryAsync("Groceries");
        var travel = await api.CategoryAsync("Travel");
        var housing = await api.CategoryAsync("Housing");
        await api.AddAsync("2030-06-03", 500, "banana", travel);
        await api.AddAsync("2030-06-01", 9000, "Apple", groceries);
        await api.AddAsync("2030-06-05", 2500, "cherry");
        await api.AddAsync("2030-06-02", 100, "Date", housing);

        async Task<string[]> TitlesAsync(string query)
        {
            var first = await api.Client.GetJsonAsync($"{api.Base}/entries?month=2030-06&pageSize=2&{query}");
            var second = await api.Client.GetJsonAsync($"{api.Base}/entries?month=2030-06&pageSize=2&page=2&{query}");
            return first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(e => e!.Str("title")).ToArray();
        }

        Assert.Equal(["cherry", "banana", "Date", "Apple"], await TitlesAsync(""));
        Assert.Equal(["Apple", "Date", "banana", "cherry"], await TitlesAsync("sort=date&desc=false"));
        Assert.Equal(["Apple", "cherry", "banana", "Date"], await TitlesAsync("sort=amount"));
        Assert.Equal(["Date", "banana", "cherry", "Apple"], await TitlesAsync("sort=amount&desc=false"));
        Assert.Equal(["Apple", "banana", "cherry", "Date"], await TitlesAsync("sort=title"));
        Assert.Equal(["Date", "cherry", "banana", "Apple"], await TitlesAsync("sort=Title&desc=true"));
        // Uncategorised first, then Groceries, Housing, Travel.
        Assert.Equal(["cherry", "Apple", "Date", "banana"], await TitlesAsync("sort=category"));
        Assert.Equal(["banana", "Date", "Apple", "cherry"], await TitlesAsync("sort=category&desc=true"));

        foreach (var bad in new[] { "sort=payee", "sort=1", "desc=maybe" })
        {
            using var r = await api.Client.GetAsync($"{api.Base}/entries?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bulk_recategorise_and_delete_change_only_this_households_entries(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var alice = await SignUpAsync(host, $"bulk-a-{provider}@example.org");
        var mallory = await SignUpAsync(host, $"bulk-m-{provider}@example.org");
        var groceries = await alice.CategoryAsync("Groceries");
        var restaurants = await alice.CategoryAsync("Restaurants");
        var a1 = (await alice.AddAsync("2030-07-01", 1000, "One", groceries)).Str("id");
        var a2 = (await alice.AddAsync("2030-07-02", 2000, "Two")).Str("id");
        using (var r = await alice.Client.PostAsync($"{alice.Base}/entries", new
               {
                   date = "2030-07-03", amountCents = 3000, title = "Three",
                   parts = new[] { new { categoryId = groceries, amountCents = 1000 }, new { categoryId = restaurants, amountCents = 2000 } },
               })) await r.ExpectAsync(HttpStatusCode.Created);
        var a3 = (await alice.Client.GetJsonAsync($"{alice.Base}/entries?q=Three"))["items"]![0]!.Str("id");
        var m1 = (await mallory.AddAsync("2030-07-01", 700, "Mallory's")).Str("id");

        using (var r = await alice.Client.PostAsync($"{alice.Base}/entries/bulk", new { ids = new[] { a2, a3, m1 }, action = "categorise", categoryId = restaurants }))
        {
            var result = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(2, result["changed"]!.GetValue<int>());
            Assert.Equal([m1], result["notFound"]!.AsArray().Select(x => x!.GetValue<string>()));
        }
        var month = await alice.MonthAsync("2030-07");
        Assert.Equal((1000L, 5000L), (Cents(Tank(month, "fund"), "spentCents"), Cents(Tank(month, "fun"), "spentCents")));
        Assert.Empty((await alice.Client.GetJsonAsync($"{alice.Base}/entries/{a3}"))["parts"]!.AsArray());

        // Mallory cannot touch Alice's entries through her own household either.
        using (var r = await mallory.Client.PostAsync($"{mallory.Base}/entries/bulk", new { ids = new[] { a1, a2 }, action = "delete" }))
        {
            Assert.Equal(0, (await r.ReadJsonAsync(HttpStatusCode.OK))["changed"]!.GetValue<int>());
        }
        using (var r = await alice.Client.PostAsync($"{alice.Base}/entries/bulk", new { ids = new[] { a1, a3, m1 }, action = "delete" }))
        {
            Assert.Equal(2, (await r.ReadJsonAsync(HttpStatusCode.OK))["changed"]!.GetValue<int>());
        }
        Assert.Equal(["Two"], (await alice.Client.GetJsonAsync($"{alice.Base}/entries"))["items"]!.AsArray().Select(e => e!.Str("title")));
        Assert.Equal(["Mallory's"], (await mallory.Client.GetJsonAsync($"{mallory.Base}/entries"))["items"]!.AsArray().Select(e => e!.Str("title")));
        Assert.Equal(700, Cents(await mallory.MonthAsync("2030-07"), "spentCents"));

        // A closed month among the selection refuses all of it.
        using (var r = await alice.Client.PostAsync($"{alice.Base}/months/2030-07/close")) await r.ExpectAsync(HttpStatusCode.OK);
        var b1 = (await alice.AddAsync("2030-08-01", 400, "August")).Str("id");
        using (var r = await alice.Client.PostAsync($"{alice.Base}/entries/bulk", new { ids = new[] { a2, b1 }, action = "delete" })) await r.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (await alice.Client.GetJsonAsync($"{alice.Base}/entries"))["total"]!.GetValue<int>());

        foreach (var bad in new object[]
                 {
                     new { ids = Array.Empty<string>(), action = "delete" },
                     new { ids = new[] { b1 }, action = "archive" },
                     new { ids = new[] { b1 }, action = "categorise", categoryId = await mallory.CategoryAsync("Travel") },
                     new { ids = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()).ToArray(), action = "delete" },
                 })
        {
            using var r = await alice.Client.PostAsync($"{alice.Base}/entries/bulk", bad);
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }
    }
}
