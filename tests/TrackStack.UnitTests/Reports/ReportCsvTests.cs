using System.Globalization;
using System.Text;
using TrackStack.Reports.Rendering;

namespace TrackStack.UnitTests.Reports;

public sealed class ReportCsvTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(1));

    private static string Csv(params ReportCsvWidget[] widgets)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        ReportCsv.Write(text, widgets);
        return text.ToString();
    }

    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_are_quoted_and_rows_end_in_crlf()
    {
        var csv = Csv(new ReportCsvWidget("Food, drinks \"and more\"", "expenses.amount", [new ChartSeries("line one\nline two", [new ChartPoint(Day, 12.5)])]));
        Assert.Equal(
            "widget,metric,series,bucket_start,value\r\n" +
            "\"Food, drinks \"\"and more\"\"\",expenses.amount,\"line one\nline two\",2026-11-30T00:00:00+01:00,12.5\r\n",
            csv);
    }

    [Fact]
    public void Numbers_are_invariant_even_when_the_thread_is_german()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var csv = Csv(new ReportCsvWidget("Power", "energy.kwh", [new ChartSeries("", [new ChartPoint(Day.AddDays(1), -0.25), new ChartPoint(Day, 1234567.891), new ChartPoint(Day.AddDays(2), 1e20)])]));
            var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
                ["Power,energy.kwh,,2026-11-30T00:00:00+01:00,1234567.891", "Power,energy.kwh,,2026-12-01T00:00:00+01:00,-0.25", "Power,energy.kwh,,2026-12-02T00:00:00+01:00,1E+20"],
                rows[1..]);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Every_widget_and_series_is_written_in_order()
    {
        var csv = Csv(
            new ReportCsvWidget("A", "m.a", [new ChartSeries("x", [new ChartPoint(Day, 1)]), new ChartSeries("y", [new ChartPoint(Day, 2)])]),
            new ReportCsvWidget("B", "m.b", []),
            new ReportCsvWidget("C", "m.c", [new ChartSeries("", [new ChartPoint(Day, 3)])]));
        Assert.Equal(["A,m.a,x", "A,m.a,y", "C,m.c,"], csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..].Select(r => string.Join(',', r.Split(',')[..3])));
    }

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        var csv = Csv(new ReportCsvWidget("=HYPERLINK(\"x\")", "m", [new ChartSeries("@sum", [new ChartPoint(Day, -1)])]));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",m,'@sum,", csv);
        Assert.EndsWith(",-1\r\n", csv); // a number stays a number
    }

    [Fact]
    public void The_attachment_is_utf8_with_a_byte_order_mark()
    {
        var bytes = ReportCsv.ToBytes([new ReportCsvWidget("Wärme", "heating.kwh", [])]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("widget,", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
