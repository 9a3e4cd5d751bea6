using System.Text;
using TrackStack.BuildingBlocks;
using TrackStack.Expenses.Features.ImportStatement;
using TrackStack.Expenses.Importing;

namespace TrackStack.UnitTests.Expenses;

/// <summary>Hostile statements and import options: refused quickly and clearly, never an exception.</summary>
public sealed class StatementHardeningTests
{
    private static ParsedStatement Read(string text, CsvOptions? options = null) =>
        StatementReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), options ?? new CsvOptions());

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

    private static List<string> Errors(Dictionary<string, string> fields)
    {
        var errors = new FieldErrors();
        ImportOptions.Read(fields, errors);
        return errors.ToDictionary().Keys.Order().ToList();
    }
}
