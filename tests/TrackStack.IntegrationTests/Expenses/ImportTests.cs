using System.Net;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

public sealed class ImportTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_ofx_statement_is_previewed_committed_once_and_never_twice(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "ofx@example.org");
        await SetCurrencyAsync(api, "USD");
        var file = Fixtures.Bytes("bank/ofxparse_checking.ofx");

        var preview = await api.ImportAsync(file, "checking.ofx", new Dictionary<string, string> { ["dryRun"] = "true" }, HttpStatusCode.OK);
        Assert.Equal(("ofx-sgml", true, 0, 1), (preview.Str("format"), preview["dryRun"]!.GetValue<bool>(), preview["created"]!.GetValue<int>(), preview["skipped"]!.GetValue<int>()));
        Assert.Equal(["skipped", "new", "new"], preview["rows"]!.AsArray().Select(r => r.Str("status")));
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries"))["total"]!.GetValue<int>());

        var first = await api.ImportAsync(file, "checking.ofx");
        Assert.Equal((2, 0), (first["created"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        var again = await api.ImportAsync(file, "checking.ofx", expected: HttpStatusCode.OK);
        Assert.Equal((0, 2), (again["created"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));

        var entries = await api.Client.GetJsonAsync($"{api.Base}/entries");
        Assert.Equal(2, entries["total"]!.GetValue<int>());
        Assert.Contains(entries["items"]!.AsArray(), e => e.Str("title") == "AUTOMATIC WITHDRAWAL, ELECTRIC BILL" && Cents(e, "amountCents") == 3451 && e.Str("kind") == "import");

        var imports = await api.Client.GetJsonAsync($"{api.Base}/imports");
        var import = Assert.Single(imports["items"]!.AsArray());
        using (var r = await api.Client.DeleteAsync($"{api.Base}/imports/{import.Str("id")}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await api.Client.GetJsonAsync($"{api.Base}/entries"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_categorise_imports_and_can_be_run_again_later()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "qif@example.org");
        var utilities = await api.CategoryAsync("Utilities");
        var phone = await api.CategoryAsync("Phone & internet");
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { field = "any", match = "regex", pattern = "stadtwerke|strom", categoryId = utilities, priority = 1 })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { match = "regex", pattern = "(broken", categoryId = utilities })) await r.ExpectAsync(HttpStatusCode.BadRequest);

        var result = await api.ImportAsync(Fixtures.Bytes("bank/postbank_demokonto_PB_KAZ_KtoNr_9999999999_06-04-2017_1200-expected.qif"), "postbank.qif");
        Assert.Equal("qif", result.Str("format"));
        var rows = result["rows"]!.AsArray();
        Assert.Equal(11, rows.Count);
        Assert.True(result["created"]!.GetValue<int>() > 5);
        Assert.Contains(rows, r => r.Str("status") == "skipped"); // salary and child benefit are money in
        var power = rows.Single(r => r!["amountCents"]!.GetValue<long>() == 58006);
        Assert.Equal(utilities.ToString(), power.Str("categoryId"));

        using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { field = "memo", match = "contains", pattern = "TELEFON", categoryId = phone })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await api.Client.PostAsync($"{api.Base}/rules/apply", new { }))
        {
            Assert.True((await r.ReadJsonAsync(HttpStatusCode.OK))["updated"]!.GetValue<int>() >= 1);
        }
        var phoneEntries = await api.Client.GetJsonAsync($"{api.Base}/entries?categoryId={phone}");
        Assert.Equal(12580, Cents(Assert.Single(phoneEntries["items"]!.AsArray()), "amountCents"));
    }

    [Fact]
    public async Task A_latin1_csv_with_preamble_imports_valid_rows_reports_bad_ones_and_dedups_without_bank_ids()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "csv@example.org");
        var csv = Encoding.Latin1.GetBytes("Umsätze Girokonto;;;\nKontonummer;123;;\n\nBuchungstag;Empfänger;Verwendungszweck;Betrag\n" +
            "03.11.2026;Bäckerei;Brötchen;-4,50\n03.11.2026;Bäckerei;Brötchen;-4,50\n32.11.2026;Kaputt;x;-1,00\n05.11.2026;Lohn;Gehalt;2.215,00\n06.11.2026;Apotheke;;-12,99\n");

        var first = await api.ImportAsync(csv, "umsaetze.csv", new Dictionary<string, string> { ["encoding"] = "latin1" });
        Assert.Equal((3, 0, 1, 1), (first["created"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>(), first["errors"]!.GetValue<int>(), first["skipped"]!.GetValue<int>()));
        var error = first["rows"]!.AsArray().Single(r => r.Str("status") == "error");
        Assert.Equal(7, error!["line"]!.GetValue<int>());
        Assert.Contains("32.11.2026", error.Str("message"));
        var titles = (await api.Client.GetJsonAsync($"{api.Base}/entries?pageSize=10"))["items"]!.AsArray().Select(e => e.Str("title")).ToList();
        Assert.Equal(2, titles.Count(t => t == "Bäckerei")); // two real purchases stay two

        var again = await api.ImportAsync(csv, "umsaetze.csv", new Dictionary<string, string> { ["encoding"] = "latin1" }, HttpStatusCode.OK);
        Assert.Equal((0, 3), (again["created"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Camt053_and_a_currency_mismatch_are_handled()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "camt@example.org");
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Acct><Ccy>EUR</Ccy></Acct>
              <Ntry><Amt Ccy="EUR">65.40</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>E-1</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Engie</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>
              <Ntry><Amt Ccy="USD">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-11-06</Dt></BookgDt><AcctSvcrRef>E-2</AcctSvcrRef></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """;
        var result = await api.ImportAsync(Encoding.UTF8.GetBytes(xml), "statement.xml");
        Assert.Equal(("camt.053", 1, 1), (result.Str("format"), result["created"]!.GetValue<int>(), result["errors"]!.GetValue<int>()));
        Assert.Contains("USD", result["rows"]!.AsArray().Single(r => r.Str("status") == "error").Str("message"));
    }

    [Fact]
    public async Task Uploads_without_a_file_or_with_bad_options_are_refused()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "upload@example.org");
        using (var r = await api.Client.PostAsync($"{api.Base}/imports", new { })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        var bad = await api.ImportAsync("x"u8.ToArray(), "x.csv", new Dictionary<string, string> { ["delimiter"] = ";;", ["encoding"] = "klingon", ["dryRun"] = "maybe" }, HttpStatusCode.BadRequest);
        Assert.Equal(["delimiter", "dryRun", "encoding"], bad["errors"]!.AsObject().Select(e => e.Key).Order());
        var empty = await api.ImportAsync("a,b\n1,2\n"u8.ToArray(), "x.csv", expected: HttpStatusCode.OK);
        Assert.Equal(2, empty["errors"]!.GetValue<int>());
    }

    internal static async Task SetCurrencyAsync(ExpensesApi api, string currency)
    {
        using (var r = await api.Client.PutAsync($"/api/households/{api.HouseholdId}", new { name = "Home", timeZone = "Europe/Brussels", currency, locale = "en-US" }))
            await r.ExpectAsync(HttpStatusCode.OK);
        await Events.EventDeliveryTests.WaitUntilAsync(async () => (await api.MonthAsync("2026-01")).Str("currency") == currency);
    }
}
