using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Dashboards.DashboardsApi;

namespace TrackStack.IntegrationTests.Dashboards;

/// <summary>Bad requests and bad files get a 400 that names the field by its path, never a 5xx, and store nothing.</summary>
public sealed class DashboardValidationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_widgets_are_named_by_their_path_and_nothing_is_saved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var id = (await CreateAsync(owner, home)).Str("id");
        var url = $"{Api(home)}/{id}";

        using (var r = await owner.PutAsync(url, new
        {
            name = "", version = 1,
            widgets = new object?[]
            {
                Widget(),
                new { kind = "pie", title = new string('t', 101), width = 5, query = new { metric = "ok", agg = "median", bucket = "year", range = "yesterday" } },
                new { kind = "line", title = "x", width = 1, query = new { metric = "bad metric!", agg = "sum", bucket = "day", range = "today", groupBy = "a b", where = new[] { "novalue", ":x", "room:" } } },
                new { kind = "progress", title = "x", width = 0, query = new { metric = "m", agg = "sum", bucket = "day", range = "today" } },
                new { kind = "number", title = " ", width = 1 },
                null,
            },
        }))
        {
            var errors = await ErrorsAsync(r);
            string[] expected =
            [
                "name", "widgets[1].kind", "widgets[1].title", "widgets[1].width", "widgets[1].query.agg", "widgets[1].query.bucket", "widgets[1].query.range",
                "widgets[2].query.metric", "widgets[2].query.groupBy", "widgets[2].query.where[0]", "widgets[2].query.where[1]", "widgets[2].query.where[2]",
                "widgets[3].width", "widgets[3].target", "widgets[4].title", "widgets[4].query", "widgets[5]",
            ];
            Assert.Equal(expected.Order(), errors.Select(e => e.Key).Order());
            Assert.Contains("letters, digits", errors["widgets[2].query.metric"]![0]!.GetValue<string>());
            Assert.Contains("sum, avg, count, min, max, last", errors["widgets[1].query.agg"]![0]!.GetValue<string>());
        }
        using (var r = await owner.PutAsync(url, new { name = "x" }))
        {
            var errors = await ErrorsAsync(r);
            Assert.True(errors.ContainsKey("version") && errors.ContainsKey("widgets"), errors.ToString());
        }
        // Too many widgets: one message, not one per widget.
        using (var r = await owner.PutAsync(url, new { name = "x", version = 1, widgets = Enumerable.Range(0, 51).Select(_ => Widget()).ToArray() }))
        {
            var errors = await ErrorsAsync(r);
            Assert.Equal(["widgets"], errors.Select(e => e.Key));
        }
        using (var r = await owner.PutAsync(url, new { name = "x", version = 1, widgets = new[] { Widget(where: Enumerable.Range(0, 21).Select(i => $"t{i}:v").ToArray()) } }))
        {
            Assert.True((await ErrorsAsync(r)).ContainsKey("widgets[0].query.where"));
        }
        var stored = await owner.GetJsonAsync(url);
        Assert.Equal(("Shop", 1L, 0), (stored.Str("name"), stored["version"]!.GetValue<long>(), stored["widgets"]!.AsArray().Count));

        // Exactly 50 is fine.
        using (var r = await owner.PutAsync(url, new { name = "x", version = 1, widgets = Enumerable.Range(0, 50).Select(_ => Widget()).ToArray() }))
        {
            Assert.Equal(50, (await r.ReadJsonAsync(HttpStatusCode.OK))["widgets"]!.AsArray().Count);
        }

        using (var r = await owner.PostAsync(Api(home), new { name = "x", template = "nope" })) Assert.True((await ErrorsAsync(r)).ContainsKey("template"));
        using (var r = await owner.PostAsync(Api(home), new { name = new string('n', 101), description = new string('d', 501) }))
        {
            var errors = await ErrorsAsync(r);
            Assert.True(errors.ContainsKey("name") && errors.ContainsKey("description"), errors.ToString());
        }
    }

    /// <summary>Binding fails before any database is touched: one provider is enough.</summary>
    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_field()
    {
        (string Body, string Field)[] cases =
        [
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": [", "widgets"),
            ("{\"name\": \"x\", \"version\": \"1\", \"widgets\": []}", "version"),
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": [{\"kind\": \"number\", \"title\": \"t\", \"width\": 1, \"target\": NaN, \"query\": {}}]}", "widgets[0].target"),
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": [{\"kind\": \"number\", \"title\": \"t\", \"width\": 1, \"target\": \"NaN\", \"query\": {}}]}", "widgets[0].target"),
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": [{\"kind\": \"number\", \"title\": \"t\", \"width\": 1, \"target\": 1e999, \"query\": {}}]}", "widgets[0].target"),
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": [{\"kind\": 3, \"title\": \"t\", \"width\": 1.5}]}", "widgets[0].kind"),
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": {\"kind\": \"line\"}}", "widgets"),
            ("{\"name\": \"x\", \"version\": 1, \"widgets\": [{\"kind\": \"line\", \"query\": {\"where\": \"room:kitchen\"}}]}", "widgets[0].query.where"),
            ("[1, 2]", "body"),
        ];
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var id = (await CreateAsync(owner, home)).Str("id");
        foreach (var (body, field) in cases)
        {
            using var r = await owner.Http.PutAsync($"{Api(home)}/{id}", new StringContent(body, Encoding.UTF8, "application/json"));
            var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.Any(e => e.Key.StartsWith(field, StringComparison.Ordinal)), body + " -> " + problem.ToJsonString());
        }
        Assert.Equal(1L, (await owner.GetJsonAsync($"{Api(home)}/{id}"))["version"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_documents_are_refused_with_the_field_named(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var import = $"{Api(home)}/import";
        Assert.Single((await owner.GetJsonAsync(Api(home))).AsArray());

        async Task<JsonObject> Refused(string json)
        {
            using var r = await owner.Http.PostAsync(import, new StringContent(json, Encoding.UTF8, "application/json"));
            return await ErrorsAsync(r);
        }

        var good = Widget("number", "signups");
        Assert.Equal(["format", "formatVersion", "name", "widgets"],
            (await Refused("{}")).Select(e => e.Key).Order());
        Assert.True((await Refused(Doc(formatVersion: 2))).ContainsKey("formatVersion"));
        Assert.True((await Refused(Doc(format: "grafana.dashboard"))).ContainsKey("format"));
        Assert.Equal(["widgets[2].query.metric"], (await Refused(Doc(widgets: [good, good, Widget(metric: "no spaces please")]))).Select(e => e.Key));
        Assert.Equal(["widgets[0].target"], (await Refused(Doc(widgets: [Widget("progress")]))).Select(e => e.Key));
        Assert.Equal(["widgets"], (await Refused(Doc(widgets: Enumerable.Range(0, 1_000).Select(_ => good).ToArray()))).Select(e => e.Key));
        Assert.True((await Refused("{\"format\": \"trackstack.dashboard\", \"formatVersion\": 1, \"name\": \"x\", \"widgets\": [{\"kind\": \"line\", \"title\": \"t\", \"width\": 1, \"target\": NaN}]}"))
            .ContainsKey("widgets[0].target"));
        using (var r = await owner.Http.PostAsync(import, new StringContent("not json", Encoding.UTF8, "application/json"))) await r.ExpectAsync(HttpStatusCode.BadRequest);
        // A file over the request limit (1 MB) is a 413, still a problem, not a 5xx. Expect: 100-continue lets the
        // server refuse before the body is sent (otherwise it may close the socket while the client still writes).
        using (var big = new HttpRequestMessage(HttpMethod.Post, import) { Content = new StringContent(Doc(name: new string('x', 2_000_000)), Encoding.UTF8, "application/json") })
        {
            big.Headers.ExpectContinue = true;
            using var r = await owner.Http.SendAsync(big);
            await r.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        }
        Assert.Single((await owner.GetJsonAsync(Api(home))).AsArray()); // nothing imported

        // Widget ids in a file are ignored, not taken for this household's widgets.
        using (var r = await owner.Http.PostAsync(import, new StringContent(Doc(widgets: [Widget(id: Guid.NewGuid())]), Encoding.UTF8, "application/json")))
        {
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Single(created["widgets"]!.AsArray());
        }

        static string Doc(string format = "trackstack.dashboard", int formatVersion = 1, string name = "Imported", object[]? widgets = null) =>
            System.Text.Json.JsonSerializer.Serialize(new { format, formatVersion, name, widgets = widgets ?? [] });
    }
}
