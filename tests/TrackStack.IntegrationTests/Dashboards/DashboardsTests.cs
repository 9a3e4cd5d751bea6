using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Dashboards.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Dashboards.DashboardsApi;

namespace TrackStack.IntegrationTests.Dashboards;

public sealed class DashboardsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_first_list_seeds_household_at_a_glance_once_and_a_deleted_one_stays_deleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");

        var list = (await owner.GetJsonAsync(Api(home))).AsArray();
        var seeded = Assert.Single(list)!;
        Assert.Equal(("Household at a glance", 8, 0), (seeded.Str("name"), seeded["widgetCount"]!.GetValue<int>(), seeded["position"]!.GetValue<int>()));

        var full = await owner.GetJsonAsync($"{Api(home)}/{seeded.Str("id")}");
        var widgets = full["widgets"]!.AsArray();
        Assert.Equal(["expenses.spent", "expenses.spent", "expenses.spent", "expenses.income", "heating.kwh", "heating.hdd", "nutrition.kcal", "training.volume"],
            widgets.Select(w => w!["query"]!.Str("metric")));
        var kcal = widgets[6]!;
        Assert.Equal((2300.0, 2, "last-30-days"), (kcal["target"]!.GetValue<double>(), kcal["width"]!.GetValue<int>(), kcal["query"]!.Str("range")));
        Assert.Equal("category", widgets[1]!["query"]!.Str("groupBy"));
        Assert.Equal("this-season", widgets[4]!["query"]!.Str("range"));

        // A second list does not add another; once deleted it does not come back.
        Assert.Single((await owner.GetJsonAsync(Api(home))).AsArray());
        using (var r = await owner.DeleteAsync($"{Api(home)}/{seeded.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty((await owner.GetJsonAsync(Api(home))).AsArray());
        using (var r = await owner.GetAsync($"{Api(home)}/{seeded.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.DeleteAsync($"{Api(home)}/{seeded.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_first_lists_seed_one_dashboard(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");

        var lists = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var r = await owner.GetAsync(Api(home));
            return (await r.ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        }));
        Assert.All(lists, l => Assert.Equal("Household at a glance", Assert.Single(l)!.Str("name")));
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(home);
        var dashboards = scope.ServiceProvider.GetRequiredService<DashboardsDb>();
        Assert.Equal(1, await dashboards.Dashboards.CountAsync());
        Assert.Equal(8, await dashboards.Widgets.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Members_create_replace_and_delete_viewers_only_read_and_other_households_get_404(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "member@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (mallory, _) = await Accounts.RegisterAsync(host, "mallory@example.org");
        var team = await Accounts.CreateHouseholdAsync(owner, "Team");
        await Accounts.JoinAsync(owner, team, member, "member@example.org", "member");
        await Accounts.JoinAsync(owner, team, viewer, "viewer@example.org", "viewer");
        var theirs = await Accounts.CreateHouseholdAsync(mallory, "Mallory's");
        var api = Api(team);

        var templates = (await viewer.GetJsonAsync($"{api}/templates")).AsArray();
        Assert.Equal([("household-at-a-glance", 8), ("what-trackstack-costs", 3), ("blank", 0)], templates.Select(t => (t!.Str("key"), t!["widgetCount"]!.GetValue<int>())));

        Assert.Single((await owner.GetJsonAsync(api)).AsArray()); // the seeded one, position 0
        var shop = await CreateAsync(member, team, " Shop ");
        Assert.Equal(("Shop", 1L, 1, 0), (shop.Str("name"), shop["version"]!.GetValue<long>(), shop["position"]!.GetValue<int>(), shop["widgets"]!.AsArray().Count));
        var glance = await CreateAsync(member, team, "Copy", "household-at-a-glance");
        Assert.Equal(8, glance["widgets"]!.AsArray().Count);
        var id = shop.Str("id");

        // Replace: the widget list in the given order, version +1; ids kept where given.
        JsonNode saved;
        using (var r = await member.PutAsync($"{api}/{id}", new
        {
            name = "Shop KPIs", description = "Signups and revenue", version = 1,
            widgets = new[] { Widget("number", "signups"), Widget("progress", "revenue", target: 1000, width: 1, where: ["plan:pro"]), Widget("bar", "orders", groupBy: "country") },
        }))
        {
            saved = await r.ReadJsonAsync(HttpStatusCode.OK);
        }
        Assert.Equal(("Shop KPIs", "Signups and revenue", 2L), (saved.Str("name"), saved.Str("description"), saved["version"]!.GetValue<long>()));
        var ws = saved["widgets"]!.AsArray();
        Assert.Equal(["number", "progress", "bar"], ws.Select(w => w!.Str("kind")));
        Assert.Equal(["plan:pro"], ws[1]!["query"]!["where"]!.AsArray().Select(x => x!.GetValue<string>()));
        var (first, third) = (ws[0]!.Str("id"), ws[2]!.Str("id"));

        // Reorder: the third first, keep its id; drop the progress widget; add a new one.
        using (var r = await owner.PutAsync($"{api}/{id}", new
        {
            name = "Shop KPIs", version = 2,
            widgets = new[] { Widget("table", "orders", id: Guid.Parse(third)), Widget("number", "signups", id: Guid.Parse(first)), Widget("area", "visits") },
        }))
        {
            saved = await r.ReadJsonAsync(HttpStatusCode.OK);
        }
        ws = saved["widgets"]!.AsArray();
        Assert.Equal([third, first], ws.Take(2).Select(w => w!.Str("id")));
        Assert.Equal(["table", "number", "area"], ws.Select(w => w!.Str("kind")));
        Assert.Null(saved["description"]);
        var read = await viewer.GetJsonAsync($"{api}/{id}");
        Assert.Equal(saved.ToJsonString(), read.ToJsonString());

        // A save from an older version is refused and changes nothing.
        using (var r = await member.PutAsync($"{api}/{id}", new { name = "Stale", version = 2, widgets = Array.Empty<object>() }))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.Conflict);
            Assert.Contains("version 3", problem.Str("detail"));
        }
        Assert.Equal("Shop KPIs", (await owner.GetJsonAsync($"{api}/{id}")).Str("name"));

        // A widget id of another dashboard is not taken over.
        var otherWidget = glance["widgets"]![0]!.Str("id");
        using (var r = await member.PutAsync($"{api}/{id}", new { name = "x", version = 3, widgets = new[] { Widget(id: Guid.Parse(otherWidget)) } }))
        {
            Assert.True((await ErrorsAsync(r)).ContainsKey("widgets[0].id"));
        }

        // Viewers read, never write.
        Assert.Equal(3, (await viewer.GetJsonAsync(api)).AsArray().Count);
        using (var r = await viewer.PostAsync(api, new { name = "Mine" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{api}/{id}", new { name = "Mine", version = 3, widgets = Array.Empty<object>() })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{api}/{id}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PostAsync($"{api}/import", new { format = "trackstack.dashboard", formatVersion = 1, name = "x", widgets = Array.Empty<object>() }))
            await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.GetAsync($"{api}/{id}/export")) await r.ExpectAsync(HttpStatusCode.OK);

        // Another household: not a member (404), and the id is not in its own household (404), untouched.
        using (var r = await mallory.GetAsync(api)) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.GetAsync($"{api}/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.GetAsync($"{Api(theirs)}/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.GetAsync($"{Api(theirs)}/{id}/export")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.PutAsync($"{Api(theirs)}/{id}", new { name = "Stolen", version = 3, widgets = Array.Empty<object>() })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.DeleteAsync($"{Api(theirs)}/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(saved.ToJsonString(), (await owner.GetJsonAsync($"{api}/{id}")).ToJsonString());
        Assert.DoesNotContain((await mallory.GetJsonAsync(Api(theirs))).AsArray(), d => d!.Str("id") == id);

        // Delete removes the dashboard with its widgets.
        using (var r = await member.DeleteAsync($"{api}/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{api}/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await owner.GetJsonAsync(api)).AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_saves_from_the_same_version_let_one_win_and_the_other_gets_409(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var id = (await CreateAsync(owner, home)).Str("id");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var r = await owner.PutAsync($"{Api(home)}/{id}", new { name = $"Save {i}", version = 1, widgets = new[] { Widget(metric: $"m{i}") } });
            await r.Content.ReadAsStringAsync();
            return r.StatusCode;
        }));
        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.All(answers, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, s.ToString()));
        var stored = await owner.GetJsonAsync($"{Api(home)}/{id}");
        Assert.Equal(2L, stored["version"]!.GetValue<long>());
        var widget = Assert.Single(stored["widgets"]!.AsArray())!;
        Assert.Equal(stored.Str("name")[^1], widget["query"]!.Str("metric")[^1]); // the winner's widget, not a mix
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_then_import_copies_a_dashboard_into_another_household(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (friend, _) = await Accounts.RegisterAsync(host, "friend@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var theirs = await Accounts.CreateHouseholdAsync(friend, "Friends");
        var dashboard = await CreateAsync(owner, home, "Énergie & café");
        var id = dashboard.Str("id");
        using (var r = await owner.PutAsync($"{Api(home)}/{id}", new
        {
            name = "Énergie & café", description = "kWh", version = 1,
            widgets = new[] { Widget("progress", "power", target: 12.5, width: 1, where: ["room:kitchen", "floor:1"]), Widget("line", "temp", groupBy: "room", range: "this-season") },
        }))
        {
            await r.ExpectAsync(HttpStatusCode.OK);
        }

        using var export = await owner.GetAsync($"{Api(home)}/{id}/export");
        var document = await export.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("attachment; filename=\"energie-cafe.dashboard.json\"", export.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(("trackstack.dashboard", 1), (document.Str("format"), document["formatVersion"]!.GetValue<int>()));
        Assert.All(document["widgets"]!.AsArray(), w => Assert.Null(w!["id"]));

        using var import = await friend.Http.PostAsync($"{Api(theirs)}/import", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var copy = await import.ReadJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(id, copy.Str("id"));
        Assert.Equal(("Énergie & café", "kWh", 1L), (copy.Str("name"), copy.Str("description"), copy["version"]!.GetValue<long>()));
        var original = await owner.GetJsonAsync($"{Api(home)}/{id}");
        Assert.Equal(Definitions(original), Definitions(copy));
        Assert.Empty(original["widgets"]!.AsArray().Select(w => w!.Str("id")).Intersect(copy["widgets"]!.AsArray().Select(w => w!.Str("id"))));
        Assert.Equal(copy.ToJsonString(), (await friend.GetJsonAsync($"{Api(theirs)}/{copy.Str("id")}")).ToJsonString());
        // The friend's copy lives in their household only.
        using (var r = await owner.GetAsync($"{Api(home)}/{copy.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NotFound);

        static string Definitions(JsonNode d) => new JsonArray(d["widgets"]!.AsArray().Select(w =>
        {
            var definition = w!.DeepClone().AsObject();
            definition.Remove("id");
            return (JsonNode)definition;
        }).ToArray()).ToJsonString();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_household_has_at_most_100_dashboards(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        for (var i = 0; i < 100; i++) await CreateAsync(owner, home, $"D{i}");
        using (var r = await owner.PostAsync(Api(home), new { name = "One too many" })) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await owner.PostAsync($"{Api(home)}/import", new { format = "trackstack.dashboard", formatVersion = 1, name = "x", widgets = Array.Empty<object>() }))
            await r.ExpectAsync(HttpStatusCode.Conflict);
        var list = (await owner.GetJsonAsync(Api(home))).AsArray();
        Assert.Equal(100, list.Count); // made before the first list: nothing seeded on top
        Assert.Equal(Enumerable.Range(0, 100), list.Select(d => d!["position"]!.GetValue<int>()));
    }
}
