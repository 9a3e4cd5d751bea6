using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Hostile or careless input to Expenses: always a 4xx that names the problem, nothing stored, and the
/// same rules for imported lines as for typed entries.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task The_extreme_longs_are_refused_as_amounts_everywhere_cents_are_read()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "cents@example.org");
        using (var r = await api.Client.PostAsync($"{api.Base}/checklist", new { title = "Rent", amountCents = 90000 })) await r.ExpectAsync(HttpStatusCode.Created);
        var entry = await api.AddAsync("2026-11-02", 1250, "Shop"); // opens November with the rent to tick
        var checklist = (await api.Client.GetJsonAsync($"{api.Base}/checklist"))["items"]![0].Str("id");
        using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = "Gym", amountCents = 3000, frequency = "monthly", day = 1, startDate = "2031-01-01" })) await r.ExpectAsync(HttpStatusCode.Created);
        var recurring = (await api.Client.GetJsonAsync($"{api.Base}/recurring"))["items"]![0].Str("id");
        var obligation = (await api.Client.GetJsonAsync($"{api.Base}/months/2026-11/obligations")).AsArray().Single()!.Str("id");

        foreach (var cents in new[] { long.MinValue, long.MaxValue, -EntryLimit - 1 })
        {
            await RefusedAsync(api.Client.PostAsync($"{api.Base}/entries", new { date = "2026-11-03", amountCents = cents, title = "x" }), "amountCents");
            await RefusedAsync(api.Client.PostAsync($"{api.Base}/entries", new { date = "2026-11-03", amountCents = 100, title = "x", originalAmountCents = cents, originalCurrency = "USD" }), "originalAmountCents");
            await RefusedAsync(api.Client.PutAsync($"{api.Base}/entries/{entry.Str("id")}", new { date = "2026-11-02", amountCents = cents, title = "Shop" }), "amountCents");
            await RefusedAsync(api.Client.PostAsync($"{api.Base}/checklist", new { title = "x", amountCents = cents }), "amountCents");
            await RefusedAsync(api.Client.PutAsync($"{api.Base}/checklist/{checklist}", new { title = "Rent", amountCents = cents }), "amountCents");
            await RefusedAsync(api.Client.PostAsync($"{api.Base}/recurring", new { title = "x", amountCents = cents, frequency = "monthly", day = 1, startDate = "2026-01-01" }), "amountCents");
            await RefusedAsync(api.Client.PutAsync($"{api.Base}/recurring/{recurring}", new { title = "Gym", amountCents = cents, frequency = "monthly", day = 1, startDate = "2031-01-01" }), "amountCents");
            await RefusedAsync(api.Client.PostAsync($"{api.Base}/months/2026-11/obligations/{obligation}/tick", new { amountCents = cents }), "amountCents");
            await RefusedAsync(api.Client.PutAsync($"{api.Base}/months/2026-11/income", new { incomeCents = cents }), "incomeCents");
            await RefusedAsync(api.Client.PutAsync($"{api.Base}/settings", new { monthlyIncomeCents = cents }), "monthlyIncomeCents");
        }
        await RefusedAsync(api.Client.PutAsync($"{api.Base}/settings", new { tanks = new[] { new { key = "a", name = "A", ratioPercent = decimal.MaxValue }, new { key = "b", name = "B", ratioPercent = decimal.MaxValue } } }), "tanks[0].ratioPercent");

        var entries = await api.Client.GetJsonAsync($"{api.Base}/entries");
        Assert.Equal((1, 1250L), (entries["total"]!.GetValue<int>(), Cents(entries, "totalCents")));
        Assert.Equal(90000, Cents((await api.Client.GetJsonAsync($"{api.Base}/checklist"))["items"]![0], "amountCents"));
        Assert.Equal("pending", (await api.Client.GetJsonAsync($"{api.Base}/months/2026-11/obligations"))[0].Str("status"));
        Assert.Equal(3, (await api.Client.GetJsonAsync($"{api.Base}/settings"))["tanks"]!.AsArray().Count);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_default_category_can_be_used_before_the_household_set_up_event_arrives()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        // No event delivery: the Expenses set-up of the new household never runs, as when its event is late.
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:RelayEnabled"] = "false" });
        var (client, _) = await Accounts.RegisterAsync(host, "early@example.org");
        var api = new ExpensesApi(client, await Accounts.CreateHouseholdAsync(client, "Early"));
        var housing = await api.CategoryAsync("Housing"); // a default, shown before it is stored

        using (var r = await client.PostAsync($"{api.Base}/checklist", new { title = "Rent", amountCents = 90000, categoryId = housing })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await client.PostAsync($"{api.Base}/recurring", new { title = "Rent", amountCents = 90000, categoryId = housing, frequency = "monthly", day = 1, startDate = "2031-01-01" })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await client.PostAsync($"{api.Base}/rules", new { pattern = "landlord", categoryId = housing })) await r.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(housing, await api.CategoryAsync("Housing"));
        Assert.Equal(3, (await client.GetJsonAsync($"{api.Base}/settings"))["tanks"]!.AsArray().Count);
    }

    [Fact]
    public async Task Import_fields_the_parsers_failed_on_are_field_errors_and_nothing_is_stored()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "fields@example.org");
        var csv = "Date,Payee,Amount\n2026-11-02,Shop,-5.00\n"u8.ToArray();
        var cases = new (string Field, string Value)[]
        {
            ("dateFormat", "\\"), ("dateFormat", "%"), ("dateFormat", "K"), ("dateFormat", "yyyy"),
            ("encoding", "utf-7"), ("encoding", "UTF-7"), ("delimiter", "\""), ("delimiter", "x"),
        };
        foreach (var (field, value) in cases)
        {
            var problem = await api.ImportAsync(csv, "a.csv", new Dictionary<string, string> { [field] = value }, HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is JsonArray, $"{field}={value}: {problem.ToJsonString()}");
        }
        var ok = await api.ImportAsync(csv, "a.csv", new Dictionary<string, string> { ["dateFormat"] = "yyyy-MM-dd", ["encoding"] = "utf-8", ["delimiter"] = "," });
        Assert.Equal(1, ok["created"]!.GetValue<int>());
        Assert.Equal(1, (await api.Client.GetJsonAsync($"{api.Base}/imports"))["total"]!.GetValue<int>());
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_truncated_compressed_or_oversized_upload_is_a_4xx_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "upload@example.org");
        const string part = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nDate,Payee,Amount\n2026-11-02,Shop,-5.00\n";
        var whole = Encoding.ASCII.GetBytes(part + "\r\n--XyZ--\r\n");

        var truncated = await PostRawAsync(api, Encoding.ASCII.GetBytes(part), "multipart/form-data; boundary=XyZ");
        Assert.Equal(HttpStatusCode.BadRequest, truncated.Status);
        Assert.Equal("Unreadable upload", truncated.Body["title"]!.GetValue<string>());
        var cut = await PostRawAsync(api, Encoding.ASCII.GetBytes(part[..60]), "multipart/form-data; boundary=XyZ");
        Assert.Equal(HttpStatusCode.BadRequest, cut.Status);
        var gzip = await PostRawAsync(api, Gzip(whole), "multipart/form-data; boundary=XyZ", "gzip");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, gzip.Status);
        var garbage = await PostRawAsync(api, Gzip(whole), "multipart/form-data; boundary=XyZ");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.Status);
        var noBoundary = await PostRawAsync(api, whole, "multipart/form-data");
        Assert.Equal(HttpStatusCode.BadRequest, noBoundary.Status);

        var big = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(big, (byte)'a');
        var tooLarge = await api.ImportAsync(big, "big.csv", expected: HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10 MB", tooLarge["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // Beyond the request limit Kestrel refuses before reading: the client waits (100-continue) and sends nothing.
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[12 * 1024 * 1024]), "file", "huge.csv" } })
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"{api.Base}/imports") { Content = form })
        {
            request.Headers.ExpectContinue = true;
            using var r = await api.Client.Http.SendAsync(request);
            Assert.Equal(413, (await r.ReadJsonAsync(HttpStatusCode.RequestEntityTooLarge))["status"]!.GetValue<int>());
        }

        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/imports"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries"))["total"]!.GetValue<int>());
        var ok = await PostRawAsync(api, whole, "multipart/form-data; boundary=XyZ");
        Assert.Equal(HttpStatusCode.Created, ok.Status);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Imported_lines_follow_the_rules_of_typed_entries(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "rules@example.org");
        var longPayee = new string('p', 300);
        var file = Encoding.UTF8.GetBytes($"Date,Payee,Memo,Amount\n9999-12-31,Future,x,-1.00\n0001-01-01,Past,x,-2.00\n1899-12-31,Old,x,-3.00\n" +
            $"2026-11-02,{longPayee},{new string('m', 2500)},-4.00\n2026-11-03,Nul\0Shop,memo\0,-5.00\n2026-11-04,Huge,x,-1000000001.00\n");

        var preview = await api.ImportAsync(file, "rules.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        var rows = preview["rows"]!.AsArray();
        Assert.Equal(["error", "error", "error", "new", "new", "error"], rows.Select(r => r.Str("status")));
        foreach (var line in new[] { 2, 3, 4 })
        {
            Assert.Contains("between 1900 and 2999", rows.Single(r => r!["line"]!.GetValue<int>() == line).Str("message"), StringComparison.Ordinal);
        }
        Assert.Contains("1,000,000,000", rows[5].Str("message"), StringComparison.Ordinal);
        Assert.Equal((2, 4), (preview["new"]!.GetValue<int>(), preview["errors"]!.GetValue<int>()));

        var commit = await api.ImportAsync(file, "rules.csv");
        Assert.Equal((2, 4), (commit["created"]!.GetValue<int>(), commit["errors"]!.GetValue<int>()));
        var entries = (await api.Client.GetJsonAsync($"{api.Base}/entries"))["items"]!.AsArray();
        Assert.Equal(2, entries.Count);
        var cut = entries.Single(e => Cents(e, "amountCents") == 400);
        Assert.Equal((200, 2000), (cut.Str("title").Length, cut.Str("note").Length));
        var nul = entries.Single(e => Cents(e, "amountCents") == 500);
        Assert.Equal(("Nul Shop", "memo"), (nul.Str("title"), nul.Str("note")));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_large_import_answers_a_bounded_list_of_rows_with_exact_counts()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "preview@example.org");
        // 5,000 lines: every third one after the first 1,000 has an unreadable date.
        var csv = new StringBuilder("Date,Payee,Amount\n");
        var errors = 0;
        for (var i = 0; i < 5000; i++)
        {
            var bad = i >= 1000 && i % 3 == 0;
            errors += bad ? 1 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{(bad ? "31.13.2026" : new DateOnly(2026, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))},Shop {i},-{1 + i % 90}.25\n");
        }
        var file = Encoding.UTF8.GetBytes(csv.ToString());

        foreach (var dryRun in new[] { true, false })
        {
            var answer = await api.ImportAsync(file, "big.csv", new Dictionary<string, string> { ["dryRun"] = dryRun ? "true" : "false" }, dryRun ? HttpStatusCode.OK : HttpStatusCode.Created);
            var rows = answer["rows"]!.AsArray();
            Assert.Equal((5000, true), (answer["totalRows"]!.GetValue<int>(), answer["rowsTruncated"]!.GetValue<bool>()));
            Assert.Equal((5000 - errors, errors), (answer["new"]!.GetValue<int>(), answer["errors"]!.GetValue<int>()));
            Assert.Equal(dryRun ? 0 : 5000 - errors, answer["created"]!.GetValue<int>());
            Assert.Equal(2000, rows.Count); // the first 1,000 lines, then the next 1,000 errors
            Assert.Equal(Enumerable.Range(2, 1000), rows.Take(1000).Select(r => r!["line"]!.GetValue<int>()));
            Assert.All(rows.Skip(1000), r => Assert.Equal("error", r.Str("status")));
        }
        Assert.Equal(5000 - errors, (await api.Client.GetJsonAsync($"{api.Base}/entries"))["total"]!.GetValue<int>());

        var small = await api.ImportAsync("Date,Payee,Amount\n2026-11-02,Shop,-5.00\n"u8.ToArray(), "small.csv", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal((1, false, 1), (small["totalRows"]!.GetValue<int>(), small["rowsTruncated"]!.GetValue<bool>(), small["rows"]!.AsArray().Count));
    }

    [Fact]
    public async Task The_csv_export_neutralises_formula_cells_and_keeps_amounts_numbers()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "export@example.org");
        using (var r = await api.Client.PostAsync($"{api.Base}/categories", new { name = "=cmd|' /C calc'!A0", tankKey = "fun" })) await r.ExpectAsync(HttpStatusCode.Created);
        var formula = await api.CategoryAsync("=cmd|' /C calc'!A0");
        var titles = new[] { "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "Plain" };
        for (var i = 0; i < titles.Length; i++)
        {
            using var r = await api.Client.PostAsync($"{api.Base}/entries", new { date = $"2026-11-0{i + 1}", amountCents = i == 0 ? -1250 : 100 * (i + 1), title = titles[i], note = "=1+1", tags = new[] { "@tag" }, categoryId = i == 0 ? formula : (Guid?)null });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        using var export = await api.Client.GetAsync($"{api.Base}/export?format=csv&month=2026-11");
        await export.ExpectAsync(HttpStatusCode.OK);
        using var reader = new CsvReader(new StringReader(await export.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "Plain"], records.Select(r => (string)r["title"]));
        Assert.All(records, r => Assert.Equal("'=1+1", (string)r["note"]));
        Assert.All(records, r => Assert.Equal("'@tag", (string)r["tags"]));
        Assert.Equal("'=cmd|' /C calc'!A0", (string)records[0]["category"]);
        Assert.Equal(["-12.50", "2.00", "3.00", "4.00", "5.00"], records.Select(r => (string)r["amount"]));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostRawAsync(ExpensesApi api, byte[] body, string contentType, string? encoding = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (encoding is not null) content.Headers.ContentEncoding.Add(encoding);
        using var r = await api.Client.Http.PostAsync($"{api.Base}/imports", content);
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public async Task Kinds_frequencies_and_rule_fields_are_names_not_numbers()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "names@example.org");
        var housing = await api.CategoryAsync("Housing");
        foreach (var kind in new[] { "99", "1", "-1" })
        {
            using var r = await api.Client.GetAsync($"{api.Base}/entries?kind={kind}");
            Assert.NotNull((await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]?["kind"]);
        }
        await RefusedAsync(api.Client.PostAsync($"{api.Base}/recurring", new { title = "x", amountCents = 100, frequency = "1", day = 1, startDate = "2031-01-01" }), "frequency");
        await RefusedAsync(api.Client.PostAsync($"{api.Base}/rules", new { field = "0", match = "contains", pattern = "x", categoryId = housing }), "field");
        await RefusedAsync(api.Client.PostAsync($"{api.Base}/rules", new { field = "payee", match = "1", pattern = "x", categoryId = housing }), "match");

        using (var r = await api.Client.GetAsync($"{api.Base}/entries?kind=Manual")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { field = "Payee", match = "contains", pattern = "x", categoryId = housing })) await r.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/recurring"))["total"]!.GetValue<int>());
    }

    private const long EntryLimit = 1_000_000_000_00;

    /// <summary>Asserts a 400 whose field errors name <paramref name="field"/>.</summary>
    private static async Task RefusedAsync(Task<HttpResponseMessage> call, string field)
    {
        using var r = await call;
        var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is JsonArray, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: no error for {field}: {problem.ToJsonString()}");
    }
}
