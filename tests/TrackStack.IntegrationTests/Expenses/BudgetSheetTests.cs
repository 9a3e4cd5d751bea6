using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

public sealed class BudgetSheetTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_month_sheet_leads_with_what_remains_per_tank_and_follows_every_change(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "hsi@example.org");

        var settings = await api.Client.GetJsonAsync($"{api.Base}/settings");
        Assert.Equal(["fund", "fun", "future"], settings["tanks"]!.AsArray().Select(t => t.Str("key")));
        Assert.Equal([60m, 20m, 20m], settings["tanks"]!.AsArray().Select(t => t!["ratioPercent"]!.GetValue<decimal>()));
        Assert.Equal("complete", settings["allocation"].Str("status"));
        using (var r = await api.Client.PutAsync($"{api.Base}/settings", new { monthlyIncomeCents = 221500 })) await r.ExpectAsync(HttpStatusCode.OK);

        var groceries = await api.CategoryAsync("Groceries");
        var restaurants = await api.CategoryAsync("Restaurants");
        await api.AddAsync("2026-11-03", 12000, "Delhaize", groceries);
        var dinner = await api.AddAsync("2026-11-07", 48000, "Birthday dinner", restaurants);
        var offline = Guid.NewGuid();
        await api.AddAsync("2026-11-08", 350, "Coffee", restaurants, id: offline);
        var replay = await api.AddAsync("2026-11-08", 350, "Coffee", restaurants, id: offline, expected: HttpStatusCode.OK);
        Assert.Equal(offline.ToString(), replay.Str("id"));

        var month = await api.MonthAsync("2026-11");
        Assert.Equal("open", month.Str("status"));
        Assert.Equal((221500, 60350, 161150), (Cents(month, "incomeCents"), Cents(month, "spentCents"), Cents(month, "remainingCents")));
        var fun = Tank(month, "fun");
        Assert.Equal((44300, 48350, -4050), (Cents(fun, "budgetCents"), Cents(fun, "spentCents"), Cents(fun, "remainingCents")));
        Assert.True(fun["over"]!.GetValue<bool>());
        Assert.Equal(12000, Cents(Tank(month, "fund"), "spentCents"));

        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{dinner.Str("id")}", new { date = "2026-11-07", amountCents = 4000, title = "Dinner", categoryId = restaurants }))
            await r.ExpectAsync(HttpStatusCode.OK);
        month = await api.MonthAsync("2026-11");
        Assert.Equal(205150, Cents(month, "remainingCents"));
        Assert.False(Tank(month, "fun")["over"]!.GetValue<bool>());

        // The comparison averages the previous three months that have data (August and October here).
        await api.AddAsync("2026-08-10", 10000, "Older", groceries);
        await api.AddAsync("2026-10-10", 30000, "Older", groceries);
        var comparison = (await api.MonthAsync("2026-11"))["comparison"]!;
        Assert.Equal((20000, 2), (Cents(comparison, "previousAverageSpentCents"), comparison["monthsCounted"]!.GetValue<int>()));
        Assert.Equal(16350 - 20000, Cents(comparison, "deltaCents"));

        using (var r = await api.Client.DeleteAsync($"{api.Base}/entries/{offline}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await api.Client.GetAsync($"{api.Base}/entries/{offline}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(16000, Cents(await api.MonthAsync("2026-11"), "spentCents"));

        // A month never touched reads as it would open, without being opened.
        var empty = await api.MonthAsync("2027-03");
        Assert.Equal(("notOpened", 221500), (empty.Str("status"), Cents(empty, "remainingCents")));
    }

    [Fact]
    public async Task Settings_keep_the_allocation_at_or_below_100_percent()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "ratios@example.org");
        using (var r = await api.Client.PutAsync($"{api.Base}/settings", new { tanks = new[] { new { key = "fund", name = "Fund", ratioPercent = 70 }, new { key = "fun", name = "Fun", ratioPercent = 20 }, new { key = "future", name = "Future", ratioPercent = 20 } } }))
        {
            Assert.Contains("must not exceed 100", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["tanks"]![0]!.GetValue<string>());
        }
        using (var r = await api.Client.PutAsync($"{api.Base}/settings", new { tanks = new[] { new { key = "fund", name = "Fund", ratioPercent = 50 }, new { key = "fun", name = "Fun", ratioPercent = 20 }, new { key = "future", name = "Future", ratioPercent = 20 } } }))
        {
            var allocation = (await r.ReadJsonAsync(HttpStatusCode.OK))["allocation"]!;
            Assert.Equal(("unassigned", 10m), (allocation.Str("status"), allocation["unassignedPercent"]!.GetValue<decimal>()));
        }
        using (var r = await api.Client.PutAsync($"{api.Base}/settings", new { tanks = new[] { new { key = "fund", name = "Fund", ratioPercent = 100 } } }))
        {
            Assert.Contains("still has categories", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["tanks"]![0]!.GetValue<string>());
        }
        using (var r = await api.Client.PostAsync($"{api.Base}/categories", new { name = "Bikes", tankKey = "fun" })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await api.Client.PostAsync($"{api.Base}/categories", new { name = "bikes", tankKey = "fun" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await api.Client.PostAsync($"{api.Base}/categories", new { name = "Boats", tankKey = "nope" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_closed_month_refuses_changes_until_it_is_reopened(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "closer@example.org");
        var entry = await api.AddAsync("2026-09-02", 1000, "Paper");
        for (var i = 0; i < 2; i++)
        {
            using var r = await api.Client.PostAsync($"{api.Base}/months/2026-09/close");
            Assert.Equal("closed", (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
        using (var r = await api.Client.PostAsync($"{api.Base}/entries", new { date = "2026-09-03", amountCents = 100, title = "Late" })) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await api.Client.DeleteAsync($"{api.Base}/entries/{entry.Str("id")}")) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await api.Client.PutAsync($"{api.Base}/entries/{entry.Str("id")}", new { date = "2026-10-02", amountCents = 1000, title = "Moved" })) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await api.Client.PostAsync($"{api.Base}/months/2026-09/open")) Assert.Equal("open", (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        using (var r = await api.Client.DeleteAsync($"{api.Base}/entries/{entry.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await api.Client.PutAsync($"{api.Base}/months/2026-09/income", new { incomeCents = 300000 })) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(300000, Cents(await api.MonthAsync("2026-09"), "incomeCents"));
    }

    [Fact]
    public async Task Checklist_items_are_copied_into_months_and_ticking_one_records_its_entry()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "bills@example.org");
        var housing = await api.CategoryAsync("Housing");
        using var created = await api.Client.PostAsync($"{api.Base}/checklist", new { title = "Rent", amountCents = 80000, categoryId = housing, dueDay = 1 });
        var template = await created.ReadJsonAsync(HttpStatusCode.Created);

        var preview = await api.Client.GetJsonAsync($"{api.Base}/months/2030-12/obligations");
        Assert.Equal(template.Str("id"), Assert.Single(preview.AsArray()).Str("id"));
        Assert.Equal(1, (await api.MonthAsync("2030-12"))["pendingObligations"]!["count"]!.GetValue<int>());

        using (var r = await api.Client.PostAsync($"{api.Base}/months/2030-12/obligations/{template.Str("id")}/tick", new { amountCents = 81500 }))
        {
            Assert.Equal("done", (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
        var month = await api.MonthAsync("2030-12");
        Assert.Equal(("open", 0, 81500), (month.Str("status"), month["pendingObligations"]!["count"]!.GetValue<int>(), Cents(month, "spentCents")));
        var entries = await api.Client.GetJsonAsync($"{api.Base}/entries?month=2030-12");
        var entry = Assert.Single(entries["items"]!.AsArray());
        Assert.Equal(("checklist", "Rent", "2030-12-01"), (entry.Str("kind"), entry.Str("title"), entry.Str("date")));

        var obligation = Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/months/2030-12/obligations")).AsArray());
        using (var r = await api.Client.PostAsync($"{api.Base}/months/2030-12/obligations/{obligation.Str("id")}/untick")) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, Cents(await api.MonthAsync("2030-12"), "spentCents"));

        using (var r = await api.Client.PutAsync($"{api.Base}/checklist/{template.Str("id")}", new { title = "Rent (indexed)", amountCents = 82000, categoryId = housing, dueDay = 1 })) await r.ExpectAsync(HttpStatusCode.OK);
        var pending = (await api.MonthAsync("2030-12"))["pendingObligations"]!;
        Assert.Equal(82000, Cents(pending, "amountCents"));
        Assert.Equal("Rent (indexed)", pending["items"]![0].Str("title"));

        using (var r = await api.Client.PostAsync($"{api.Base}/months/2031-01/open")) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/months/2031-01/obligations")).AsArray());
    }
}
