using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

public sealed class EntriesTests
{
    [Fact]
    public async Task Entries_filter_by_month_tank_category_tag_text_and_kind_and_page()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "lists@example.org");
        var groceries = await api.CategoryAsync("Groceries");
        var travel = await api.CategoryAsync("Travel");
        await api.AddAsync("2026-11-01", 1000, "Market", groceries, ["food"]);
        await api.AddAsync("2026-11-02", 2000, "Train to Ghent", travel, ["trip", "Belgium"]);
        await api.AddAsync("2026-11-03", 3000, "Hotel Ghent", travel, ["trip"]);
        await api.AddAsync("2026-11-04", 400, "Mystery");
        await api.AddAsync("2026-10-30", 5000, "Market", groceries, ["food"]);

        async Task<(int Total, long Cents, string[] Titles)> Query(string qs)
        {
            var page = await api.Client.GetJsonAsync($"{api.Base}/entries?{qs}");
            return (page["total"]!.GetValue<int>(), Cents(page, "totalCents"), page["items"]!.AsArray().Select(i => i.Str("title")).ToArray());
        }

        var november = await Query("month=2026-11");
        Assert.Equal((4, 6400L), (november.Total, november.Cents));
        Assert.Equal(["Hotel Ghent", "Train to Ghent"], (await Query("tank=fun")).Titles);
        Assert.Equal(2, (await Query($"categoryId={groceries}")).Total);
        Assert.Equal(["Mystery"], (await Query("categoryId=none")).Titles);
        Assert.Equal(["Train to Ghent"], (await Query("tag=BELGIUM")).Titles);
        Assert.Equal(["Hotel Ghent", "Train to Ghent"], (await Query("q=ghent")).Titles);
        Assert.Equal(5, (await Query("kind=manual")).Total);
        var page2 = await Query("pageSize=2&page=2");
        Assert.Equal(5, page2.Total);
        Assert.Equal(["Train to Ghent", "Market"], page2.Titles);

        using var bad = await api.Client.GetAsync($"{api.Base}/entries?month=11-2026&pageSize=9999&kind=gift");
        var errors = (await bad.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.NotNull(errors["month"]);
        Assert.NotNull(errors["pageSize"]);
        Assert.NotNull(errors["kind"]);
    }

    [Fact]
    public async Task Bad_entries_get_a_field_error_for_each_problem_and_nothing_is_stored()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "typos@example.org");
        using var r = await api.Client.PostAsync($"{api.Base}/entries", new
        {
            amountCents = 0,
            title = new string('x', 201),
            categoryId = Guid.NewGuid(),
            paidBy = Guid.NewGuid(),
            tags = Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray(),
            originalCurrency = "dollars",
        });
        var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["amountCents", "categoryId", "date", "originalAmountCents", "originalCurrency", "paidBy", "tags", "title"], errors);
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries"))["total"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_households_entries_and_categories_are_invisible(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var alice = await SignUpAsync(host, "alice@example.org");
        var bob = await SignUpAsync(host, "bob@example.org");
        var secret = await alice.AddAsync("2026-11-02", 99900, "Ring");
        var aliceCategory = await alice.CategoryAsync("Gifts");
        var id = secret.Str("id");

        using (var r = await bob.Client.GetAsync($"{bob.Base}/entries/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.Client.PutAsync($"{bob.Base}/entries/{id}", new { date = "2026-11-02", amountCents = 1, title = "Mine" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.Client.DeleteAsync($"{bob.Base}/entries/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.Client.PutAsync($"{bob.Base}/categories/{aliceCategory}", new { name = "Mine", tankKey = "fun" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.Client.PostAsync($"{bob.Base}/entries", new { date = "2026-11-02", amountCents = 1, categoryId = aliceCategory }))
            Assert.NotNull((await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["categoryId"]);
        // Reusing Alice's entry id does not reveal or touch her entry.
        using (var r = await bob.Client.PostAsync($"{bob.Base}/entries", new { id, date = "2026-11-02", amountCents = 1 })) await r.ExpectAsync(HttpStatusCode.Conflict);
        foreach (var path in new[] { "/entries", "/months/2026-11", "/settings", "/categories", "/export", "/imports", "/rules", "/checklist", "/recurring" })
        {
            using var r = await bob.Client.GetAsync($"{alice.Base}{path}");
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(0, (await bob.Client.GetJsonAsync($"{bob.Base}/entries"))["total"]!.GetValue<int>());
        Assert.Equal(99900, Cents(await alice.Client.GetJsonAsync($"{alice.Base}/entries/{id}"), "amountCents"));
    }

    [Fact]
    public async Task Viewers_read_members_record_and_admins_configure()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var owner = await SignUpAsync(host, "owner@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "member@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        await Accounts.JoinAsync(owner.Client, owner.HouseholdId, member, "member@example.org", "member");
        await Accounts.JoinAsync(owner.Client, owner.HouseholdId, viewer, "viewer@example.org", "viewer");
        var asMember = new ExpensesApi(member, owner.HouseholdId);
        var asViewer = new ExpensesApi(viewer, owner.HouseholdId);

        var entry = await asMember.AddAsync("2026-11-05", 2500, "Pizza");
        Assert.Equal(2500, Cents(await asViewer.MonthAsync("2026-11"), "spentCents"));
        using (var r = await viewer.PostAsync($"{owner.Base}/entries", new { date = "2026-11-05", amountCents = 1, title = "no" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{owner.Base}/entries/{entry.Str("id")}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await member.PutAsync($"{owner.Base}/settings", new { monthlyIncomeCents = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await owner.Client.PutAsync($"{owner.Base}/settings", new { monthlyIncomeCents = 1 })) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Export_downloads_the_entries_as_csv_and_json()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "export@example.org");
        await api.AddAsync("2026-11-02", 1234, "Books, \"used\"", await api.CategoryAsync("Hobbies"), ["reading"]);
        await api.AddAsync("2026-12-02", 99, "Later");

        using var csv = await api.Client.GetAsync($"{api.Base}/export?month=2026-11");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("trackstack-expenses-2026-11.csv", csv.Content.Headers.ContentDisposition!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("date,amount,currency,title,category,tank,tags", lines[0]);
        Assert.StartsWith("2026-11-02,12.34,EUR,\"Books, \"\"used\"\"\",Hobbies,fun,reading", lines[1]);

        var json = await api.Client.GetJsonAsync($"{api.Base}/export?format=json");
        Assert.Equal(2, json.AsArray().Count);
        using var bad = await api.Client.GetAsync($"{api.Base}/export?format=xls");
        await bad.ExpectAsync(HttpStatusCode.BadRequest);
    }
}
