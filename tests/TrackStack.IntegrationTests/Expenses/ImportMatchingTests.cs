using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>The import as people use it: a bank's column layout remembered, lines matched to what the household
/// already entered (typed entries, checklist bills), and the user's edits of the preview carried by the commit.</summary>
public sealed class ImportMatchingTests
{
    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static Dictionary<string, string> Decide(params object[] decisions) => new() { ["decisions"] = JsonSerializer.Serialize(decisions) };

    private static JsonNode Row(JsonNode result, int line) => result["rows"]!.AsArray().Single(r => r!["line"]!.GetValue<int>() == line)!;

    private static async Task<JsonNode> EntriesAsync(ExpensesApi api) => (await api.Client.GetJsonAsync($"{api.Base}/entries?pageSize=100"))["items"]!;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_columns_a_household_confirmed_for_a_layout_read_its_next_file_without_options(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "layout@example.org");
        var other = await SignUpAsync(host, "layout-other@example.org");
        const string header = "Wann;Wer;Wieviel;Wofür\n";
        var november = Csv(header + "03.11.2026;Bäckerei Kunz;-4,50;Brötchen\n");
        var december = Csv(header + "02.12.2026;Kiosk Am Eck;-2,20;Zeitung\n");

        var unknown = await api.ImportAsync(november, "konto.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(0, unknown["new"]!.GetValue<int>());
        Assert.True(unknown["errors"]!.GetValue<int>() > 0);

        var confirmed = await api.ImportAsync(november, "konto.csv", new Dictionary<string, string>
        {
            ["dateColumn"] = "Wann", ["payeeColumn"] = "Wer", ["amountColumn"] = "Wieviel", ["memoColumn"] = "Wofür", ["dateFormat"] = "dd.MM.yyyy",
        });
        Assert.Equal((1, false), (confirmed["created"]!.GetValue<int>(), confirmed["rememberedLayout"]!.GetValue<bool>()));

        var next = await api.ImportAsync(december, "konto-dezember.csv");
        Assert.Equal((1, 0, true), (next["created"]!.GetValue<int>(), next["errors"]!.GetValue<int>(), next["rememberedLayout"]!.GetValue<bool>()));
        Assert.Contains((await EntriesAsync(api)).AsArray(), e => e.Str("title") == "Kiosk Am Eck" && e.Str("note") == "Zeitung" && Cents(e, "amountCents") == 220);

        // Another household's layouts are its own.
        var foreign = await other.ImportAsync(december, "konto-dezember.csv", expected: HttpStatusCode.OK);
        Assert.Equal((0, false), (foreign["created"]!.GetValue<int>(), foreign["rememberedLayout"]!.GetValue<bool>()));
        Assert.True(foreign["errors"]!.GetValue<int>() > 0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_line_like_a_typed_entry_within_three_days_links_to_it_and_a_reimport_still_finds_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "match@example.org");
        var rewe = (await api.AddAsync("2026-11-25", 5430, "Rewe")).Str("id");
        await api.AddAsync("2026-11-20", 1999, "Rewe");   // four days before its line: too far
        await api.AddAsync("2026-11-27", 1200, "Kino");   // same amount and day, another payee
        var file = Csv("Buchungstag;Zahlungsempfänger*in;Verwendungszweck;Betrag (€)\n" +
            "28.11.2026;REWE Markt GmbH;REWE SAGT DANKE;-54,30\n" +
            "24.11.2026;REWE Markt GmbH;REWE SAGT DANKE;-19,99\n" +
            "27.11.2026;Stadtwerke München;Abschlag;-12,00\n");

        var preview = await api.ImportAsync(file, "dkb.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(["matched", "new", "new"], preview["rows"]!.AsArray().Select(r => r.Str("status")));
        var match = Row(preview, 2)["match"]!;
        Assert.Equal(("entry", rewe, "2026-11-25", "Rewe"), (match.Str("kind"), match.Str("id"), match.Str("date"), match.Str("title")));
        Assert.Equal((2, 1), (preview["new"]!.GetValue<int>(), preview["matched"]!.GetValue<int>()));

        var commit = await api.ImportAsync(file, "dkb.csv");
        Assert.Equal((2, 1), (commit["created"]!.GetValue<int>(), commit["matched"]!.GetValue<int>()));
        var entries = await EntriesAsync(api);
        Assert.Equal(5, entries.AsArray().Count);
        var linked = Assert.Single(entries.AsArray(), e => Cents(e, "amountCents") == 5430);
        Assert.Equal(("Rewe", "manual", "2026-11-25"), (linked.Str("title"), linked.Str("kind"), linked.Str("date")));

        var again = await api.ImportAsync(file, "dkb.csv", expected: HttpStatusCode.OK);
        Assert.Equal((0, 3, 0), (again["created"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>(), again["matched"]!.GetValue<int>()));

        // Undo deletes what the import added and unlinks the typed entry, which the next preview proposes again.
        var import = Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/imports"))["items"]!.AsArray());
        using (var r = await api.Client.DeleteAsync($"{api.Base}/imports/{import.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(3, (await EntriesAsync(api)).AsArray().Count);
        var after = await api.ImportAsync(file, "dkb.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal("matched", Row(after, 2).Str("status"));
    }

    [Fact]
    public async Task A_line_that_pays_a_pending_checklist_bill_ticks_it()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "bill@example.org");
        using (var r = await api.Client.PostAsync($"{api.Base}/checklist", new { title = "Miete", amountCents = 95000, dueDay = 1 })) await r.ExpectAsync(HttpStatusCode.Created);
        var file = Csv("Buchungstag;Beguenstigter/Zahlungspflichtiger;Verwendungszweck;Betrag\n" +
            "01.12.2026;Hausverwaltung Schmidt;Miete Dezember Whg 3;-950,00\n" +
            "02.12.2026;Hausverwaltung Schmidt;Nebenkosten;-950,00\n");

        var preview = await api.ImportAsync(file, "sparkasse.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(["bill", "new"], preview["rows"]!.AsArray().Select(r => r.Str("status"))); // the second line names another payment
        Assert.Equal(("bill", "Miete", "2026-12-01"), (Row(preview, 2)["match"]!.Str("kind"), Row(preview, 2)["match"]!.Str("title"), Row(preview, 2)["match"]!.Str("date")));

        var commit = await api.ImportAsync(file, "sparkasse.csv");
        Assert.Equal((2, 1), (commit["created"]!.GetValue<int>(), commit["bills"]!.GetValue<int>()));
        var bill = Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/months/2026-12/obligations")).AsArray());
        Assert.Equal("done", bill.Str("status"));
        var entry = Assert.Single((await EntriesAsync(api)).AsArray(), e => e.Str("id") == bill.Str("entryId"));
        Assert.Equal(("Miete", "checklist", 95000L, "2026-12-01"), (entry.Str("title"), entry.Str("kind"), Cents(entry, "amountCents"), entry.Str("date")));
        Assert.Equal(2, (await EntriesAsync(api)).AsArray().Count);

        var again = await api.ImportAsync(file, "sparkasse.csv", expected: HttpStatusCode.OK);
        Assert.Equal(2, again["duplicates"]!.GetValue<int>());

        var import = Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/imports"))["items"]!.AsArray());
        using (var r = await api.Client.DeleteAsync($"{api.Base}/imports/{import.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal("pending", Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/months/2026-12/obligations")).AsArray()).Str("status"));
    }

    [Fact]
    public async Task A_bill_or_an_entry_of_a_closed_month_is_not_offered_and_the_import_goes_through()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "closed-bill@example.org");
        JsonNode bill;
        using (var r = await api.Client.PostAsync($"{api.Base}/checklist", new { title = "Miete", amountCents = 95000, dueDay = 30 })) bill = await r.ReadJsonAsync(HttpStatusCode.Created);
        using (var r = await api.Client.PostAsync($"{api.Base}/months/2026-10/open", new { })) await r.ExpectAsync(HttpStatusCode.OK);
        await api.AddAsync("2026-10-31", 1200, "Bakery");
        using (var r = await api.Client.PostAsync($"{api.Base}/months/2026-10/close", new { })) await r.ExpectAsync(HttpStatusCode.OK);
        // Paused from now on: the closed October keeps its pending bill, November has none.
        using (var r = await api.Client.PutAsync($"{api.Base}/checklist/{bill.Str("id")}", new { title = "Miete", amountCents = 95000, dueDay = 30, active = false })) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("pending", Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/months/2026-10/obligations")).AsArray()).Str("status"));
        // 1 November: within three days of the October bill (due the 30th) and of the October bakery entry.
        var file = Csv("Date,Description,Amount\n2026-11-01,Miete Hausverwaltung,-950.00\n2026-11-01,Bakery,-12.00\n");

        var preview = await api.ImportAsync(file, "bank.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(["new", "new"], preview["rows"]!.AsArray().Select(r => r.Str("status")));
        var commit = await api.ImportAsync(file, "bank.csv");
        Assert.Equal(2, commit["created"]!.GetValue<int>());
        Assert.Equal("pending", Assert.Single((await api.Client.GetJsonAsync($"{api.Base}/months/2026-10/obligations")).AsArray()).Str("status"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_commit_carries_the_users_edits_of_the_preview(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "edits@example.org");
        var fun = await api.CategoryAsync((await api.Client.GetJsonAsync($"{api.Base}/categories")).AsArray()[0]!.Str("name"));
        var netflix = (await api.AddAsync("2026-11-27", 1399, "Netflix")).Str("id");
        var cinema = (await api.AddAsync("2026-11-10", 2400, "Cinema with Anna")).Str("id");
        var file = Csv("Date,Description,Amount\n" +
            "2026-11-28,NETFLIX.COM,-13.99\n" +      // line 2: matches the typed Netflix entry; the user adds it anyway
            "2026-11-28,Bakery,-3.20\n" +            // line 3: left out
            "2026-11-29,Hardware store,-45.00\n" +   // line 4: gets a category
            "2026-11-30,Refund shop,12.50\n" +       // line 5: money in, added as a refund
            "2026-11-12,Kino am Markt,-24.00\n");    // line 6: linked by hand to a typed entry the matcher did not propose

        var preview = await api.ImportAsync(file, "bank.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(["matched", "new", "new", "skipped", "new"], preview["rows"]!.AsArray().Select(r => r.Str("status")));
        Assert.Equal((-1250L, true), (Cents(Row(preview, 5), "amountCents"), Row(preview, 5)["addable"]!.GetValue<bool>()));

        var decisions = Decide(new { line = 2, action = "add" }, new { line = 3, action = "skip" }, new { line = 4, categoryId = fun },
            new { line = 5, action = "add" }, new { line = 6, action = "link", entryId = cinema });
        var dry = await api.ImportAsync(file, "bank.csv", new Dictionary<string, string>(decisions) { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(["new", "skipped", "new", "new", "matched"], dry["rows"]!.AsArray().Select(r => r.Str("status")));
        Assert.Equal(netflix, Row(dry, 2)["match"]!.Str("id")); // the proposal is still shown

        var commit = await api.ImportAsync(file, "bank.csv", decisions);
        Assert.Equal((3, 1, 1), (commit["created"]!.GetValue<int>(), commit["matched"]!.GetValue<int>(), commit["skipped"]!.GetValue<int>()));
        var entries = (await EntriesAsync(api)).AsArray();
        Assert.Equal(5, entries.Count); // two typed + Netflix again + hardware + refund; bakery left out, cinema linked
        Assert.Equal(2, entries.Count(e => Cents(e, "amountCents") == 1399));
        Assert.Equal(fun.ToString(), entries.Single(e => e.Str("title") == "Hardware store").Str("categoryId"));
        Assert.Equal(-1250, Cents(entries.Single(e => e.Str("title") == "Refund shop"), "amountCents"));
        Assert.DoesNotContain(entries, e => e.Str("title") == "Bakery");

        // The left-out line was not imported: the next import offers it again; the rest are known.
        var again = await api.ImportAsync(file, "bank.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(["duplicate", "new", "duplicate", "duplicate", "duplicate"], again["rows"]!.AsArray().Select(r => r.Str("status")));
    }

    [Fact]
    public async Task Decisions_the_plan_cannot_follow_are_field_errors_and_another_households_ids_are_unknown()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "bad-decisions@example.org");
        var other = await SignUpAsync(host, "bad-decisions-other@example.org");
        var foreignEntry = (await other.AddAsync("2026-11-28", 320, "Bakery")).Str("id");
        var foreignCategory = (await other.Client.GetJsonAsync($"{other.Base}/categories")).AsArray()[0]!.Str("id");
        var file = Csv("Date,Description,Amount\n2026-11-28,Bakery,-3.20\n");

        async Task<JsonNode> Refused(Dictionary<string, string> fields)
        {
            var problem = await api.ImportAsync(file, "bank.csv", fields, HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]);
            return problem["errors"]!;
        }
        Assert.NotNull((await Refused(new() { ["decisions"] = "{not json" }))["decisions"]);
        Assert.NotNull((await Refused(Decide(new { line = 9, action = "skip" })))["decisions[0]"]);
        Assert.NotNull((await Refused(Decide(new { line = 2, action = "explode" })))["decisions[0].action"]);
        Assert.NotNull((await Refused(Decide(new { line = 2, action = "link", entryId = foreignEntry })))["decisions[0].entryId"]);
        Assert.NotNull((await Refused(Decide(new { line = 2, categoryId = foreignCategory })))["decisions[0].categoryId"]);
        Assert.NotNull((await Refused(Decide(new { line = 2, action = "tick", obligationId = Guid.NewGuid() })))["decisions[0].obligationId"]);
        Assert.Empty((await EntriesAsync(api)).AsArray());
        Assert.Single((await EntriesAsync(other)).AsArray());
    }

    [Fact]
    public async Task A_preview_with_hundreds_of_edits_commits_them_all()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "many-edits@example.org");
        var fun = (await api.Client.GetJsonAsync($"{api.Base}/categories")).AsArray()[0]!.Str("id");
        var lines = Enumerable.Range(1, 400).Select(i => $"2026-11-{1 + i % 28:00},Shop {i},-{i}.00");
        var file = Csv("Date,Description,Amount\n" + string.Join("\n", lines) + "\n");
        // Lines 2..401: every odd one left out, every even one given a category (about 30 KB of JSON).
        var decisions = Enumerable.Range(2, 400).Select(line => line % 2 == 1 ? (object)new { line, action = "skip" } : new { line, categoryId = fun }).ToArray();

        var commit = await api.ImportAsync(file, "bank.csv", Decide(decisions));

        Assert.Equal(200, commit["created"]!.GetValue<int>());
        var stored = (await api.Client.GetJsonAsync($"{api.Base}/entries?pageSize=500"))["items"]!.AsArray();
        Assert.Equal(200, stored.Count);
        Assert.All(stored, e => Assert.Equal(fun, e.Str("categoryId")));
    }
}
