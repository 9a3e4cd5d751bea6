using System.Diagnostics;
using System.Text;
using TrackStack.BuildingBlocks;
using TrackStack.Expenses.Features.ImportStatement;
using TrackStack.Expenses.Importing;

namespace TrackStack.UnitTests.Expenses;

/// <summary>Hostile statements and import options: refused quickly and clearly, never an exception.</summary>
public sealed class StatementHardeningTests
{
    private const string CamtOpen = """<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Acct><Ccy>EUR</Ccy></Acct>""";
    private const string CamtClose = "</Stmt></BkToCstmrStmt></Document>";
    private const string Entry = """<Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>R-1</AcctSvcrRef></Ntry>""";

    private static ParsedStatement Read(string text, CsvOptions? options = null) =>
        StatementReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), options ?? new CsvOptions());

    [Theory]
    [InlineData("document")]
    [InlineData("entry")]
    public void A_50000_deep_camt_is_refused_in_well_under_a_second(string where)
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 50_000)) + string.Concat(Enumerable.Repeat("</x>", 50_000));
        var xml = where == "document"
            ? CamtOpen + Entry + deep + CamtClose
            : CamtOpen + Entry.Replace("</Ntry>", deep + "</Ntry>", StringComparison.Ordinal) + CamtClose;
        Read(CamtOpen + Entry + CamtClose); // warm up: measure the refusal, not the JIT

        var clock = Stopwatch.StartNew();
        var s = Read(xml);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("camt.053", s.Format);
        Assert.Empty(s.Transactions); // a refused file imports nothing, not the entries before the refusal
        Assert.Contains($"more than {Camt053Parser.MaxDepth} levels", Assert.Single(s.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_camt_with_more_elements_than_any_statement_is_refused()
    {
        var xml = CamtOpen + Entry + string.Concat(Enumerable.Repeat("<a/>", Camt053Parser.MaxElements)) + CamtClose;
        var clock = Stopwatch.StartNew();
        var s = Read(xml);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Empty(s.Transactions);
        Assert.Contains($"more than {Camt053Parser.MaxElements:N0} elements", Assert.Single(s.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_entry_keeps_its_first_transaction_details_and_no_more_than_the_entry_cap()
    {
        var batch = Entry.Replace("</Ntry>", "<NtryDtls>" + string.Concat(Enumerable.Range(1, 3000).Select(i =>
            $"<TxDtls><RltdPties><Cdtr><Nm>Payee {i}</Nm></Cdtr></RltdPties><RmtInf><Ustrd>memo {i}</Ustrd></RmtInf></TxDtls>")) + "</NtryDtls></Ntry>", StringComparison.Ordinal);
        var t = Assert.Single(Read(CamtOpen + batch + CamtClose).Transactions);
        Assert.Equal(("Payee 1", "memo 1"), (t.Payee, t.Memo));

        var flat = Entry.Replace("</Ntry>", string.Concat(Enumerable.Repeat("<a/>", Camt053Parser.MaxEntryElements)) + "</Ntry>", StringComparison.Ordinal);
        var s = Read(CamtOpen + flat + CamtClose);
        Assert.Empty(s.Transactions);
        Assert.Contains($"more than {Camt053Parser.MaxEntryElements:N0} elements", Assert.Single(s.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_camt_with_a_dtd_is_refused_without_expanding_entities()
    {
        var laughs = """<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>"""
            + """<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Ntry><Amt>&d;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>""";
        var s = Read(laughs);
        Assert.Empty(s.Transactions);
        Assert.StartsWith("The XML is broken", Assert.Single(s.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normal_camt_still_parses_entry_by_entry_with_line_numbers_and_the_account_currency()
    {
        var xml = CamtOpen + "\n" + Entry + "\n" + Entry.Replace("<Amt Ccy=\"EUR\">", "<Amt>", StringComparison.Ordinal).Replace("R-1", "R-2", StringComparison.Ordinal)
            + "\n<Ntry><Amt>x</Amt></Ntry>\n" + CamtClose;
        var s = Read(xml);
        Assert.Equal([(2, "R-1", "EUR"), (3, "R-2", "EUR")], s.Transactions.Select(t => (t.Line, t.BankId!, t.Currency!)));
        Assert.Equal(4, Assert.Single(s.Errors).Line);
        var broken = Read(CamtOpen + Entry + "<Ntry><Amt>1</Amt>");
        Assert.Empty(broken.Transactions);
        Assert.StartsWith("The XML is broken", Assert.Single(broken.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\")]
    [InlineData("%")]
    [InlineData("K")]
    [InlineData("/")]
    [InlineData("'")]
    [InlineData("\"")]
    [InlineData("yyyy")]
    [InlineData("dd.MM")]
    [InlineData("dd.MM.yyyy HH:mm")]
    public void A_date_format_that_cannot_read_a_date_is_a_field_error(string format) =>
        Assert.Equal(["dateFormat"], Errors(new() { ["dateFormat"] = format }));

    [Theory]
    [InlineData("dd.MM.yyyy")]
    [InlineData("MM/dd/yy")]
    [InlineData("d/M/yyyy")]
    [InlineData("yyyyMMdd")]
    [InlineData("M/d\\'yy")]
    public void A_date_format_with_day_month_and_year_is_accepted(string format) => Assert.Empty(Errors(new() { ["dateFormat"] = format }));

    [Theory]
    [InlineData("utf-7", false)]
    [InlineData("UTF-7", false)]
    [InlineData("klingon", false)]
    [InlineData("65000", false)]
    [InlineData("utf-8", true)]
    [InlineData("latin1", true)]
    [InlineData("windows-1252", true)]
    [InlineData("utf-16", true)]
    public void Only_encodings_that_decode_are_accepted(string encoding, bool ok) =>
        Assert.Equal(ok ? [] : ["encoding"], Errors(new() { ["encoding"] = encoding }));

    [Theory]
    [InlineData("\"", false)]
    [InlineData("a", false)]
    [InlineData("1", false)]
    [InlineData("\u0001", false)]
    [InlineData(";", true)]
    [InlineData("|", true)]
    [InlineData("tab", true)]
    [InlineData("#", true)]
    public void Only_punctuation_delimiters_are_accepted(string delimiter, bool ok) =>
        Assert.Equal(ok ? [] : ["delimiter"], Errors(new() { ["delimiter"] = delimiter }));

    /// <summary>Every accepted option, on awkward files: the parsers answer with rows or errors, never throw.</summary>
    [Fact]
    public void Accepted_options_never_make_a_parser_throw()
    {
        string[] files =
        [
            "", "\n\n\n", "Date;Amount\n", "\"unclosed;quote\n2026-11-01;-1\n", "Date,Amount\r2026-11-01,-1\r", "\0\0\0\u0001binary",
            "Date,Payee,Amount\n9999-12-31,x,-1\n0001-01-01,x,-1\n", "a;b;c\n" + new string(';', 5000) + "\n",
            "!Type:Bank\nD\nT\n^\n", "OFXHEADER:100\n<OFX><STMTTRN><TRNAMT>-" + new string('9', 40) + "\n",
        ];
        var options = new[]
        {
            new Dictionary<string, string>(),
            new() { ["delimiter"] = "tab", ["decimalSeparator"] = ",", ["skipLines"] = "1000", ["hasHeader"] = "false" },
            new() { ["dateColumn"] = "2147483647", ["amountColumn"] = "0", ["payeeColumn"] = "-1", ["dateFormat"] = "d.M.yy" },
            new() { ["debitColumn"] = "Amount", ["creditColumn"] = "Amount", ["encoding"] = "utf-16", ["expensesArePositive"] = "true" },
            new() { ["delimiter"] = "#", ["idColumn"] = "Date", ["currencyColumn"] = "Date", ["encoding"] = "latin1" },
        };
        foreach (var fields in options)
        {
            var errors = new FieldErrors();
            var (csv, _, _) = ImportOptions.Read(fields, errors);
            Assert.False(errors.Any);
            foreach (var file in files)
            {
                var s = Read(file, csv);
                Assert.NotNull(s.Format);
            }
        }
    }

    [Fact]
    public void Control_characters_in_bank_text_become_spaces_and_cuts_keep_surrogate_pairs_whole()
    {
        var s = Read("Date,Payee,Memo,Id,Amount\n2026-11-01,Sh\0op,\"two\nlines\",\u0001,-1.00\n");
        var t = Assert.Single(s.Transactions);
        Assert.Equal(("Sh op", "two lines", (string?)null), (t.Payee, t.Memo, t.BankId));
        Assert.Equal("ab", BankText.Truncate("ab\U0001F600", 3));
        Assert.Equal("ab\U0001F600", BankText.Truncate("ab\U0001F600c", 4));
    }

    private static List<string> Errors(Dictionary<string, string> fields)
    {
        var errors = new FieldErrors();
        ImportOptions.Read(fields, errors);
        return errors.ToDictionary().Keys.Order().ToList();
    }
}
