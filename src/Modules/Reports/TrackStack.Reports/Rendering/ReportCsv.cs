using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrackStack.Reports.Rendering;

/// <summary>One widget's data for the report's CSV: its title, its metric and its series (a series' name is its group,
/// empty when the widget is not grouped).</summary>
internal sealed record ReportCsvWidget(string Widget, string Metric, IReadOnlyList<ChartSeries> Series);

/// <summary>The data behind a report's widgets as one CSV attachment: RFC 4180 (comma, CRLF, fields with a comma, a
/// quote or a line break in double quotes, quotes doubled), the columns <c>widget,metric,series,bucket_start,value</c>,
/// numbers in the invariant culture whatever the thread's, times in ISO 8601 with the household's offset. Text that
/// a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, as the expense export.</summary>
internal static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["widget", "metric", "series", "bucket_start", "value"];
    private static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        // Quotes around a comma, a quote, a CR or an LF (RFC 4180). CsvHelper's own rule looks for the configured
        // new line, so once it is set a lone "\n" in a title would go out unquoted and split the row.
        ShouldQuote = args => args.Field is { } f && f.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    /// <summary>The rows of every widget, oldest bucket first within a series, in the order given.</summary>
    public static void Write(TextWriter writer, IEnumerable<ReportCsvWidget> widgets)
    {
        using var csv = new CsvWriter(writer, Config, leaveOpen: true);
        foreach (var h in Header) csv.WriteField(h);
        csv.NextRecord();
        foreach (var w in widgets)
        {
            foreach (var s in w.Series)
            {
                foreach (var p in s.Points.OrderBy(p => p.Time))
                {
                    csv.WriteField(Text(w.Widget));
                    csv.WriteField(Text(w.Metric));
                    csv.WriteField(Text(s.Name));
                    csv.WriteField(p.Time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                    csv.WriteField(Number(p.Value));
                    csv.NextRecord();
                }
            }
        }
        csv.Flush();
    }

    /// <summary>The CSV as an attachment's bytes: UTF-8 with a byte order mark, so spreadsheets read umlauts right.</summary>
    public static byte[] ToBytes(IEnumerable<ReportCsvWidget> widgets)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture)) Write(writer, widgets);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Round-trip ("R") in the invariant culture: 1234.5, -0.25, 1E+20; NaN and infinities stay empty.</summary>
    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Text(string? text) =>
        string.IsNullOrEmpty(text) ? "" : FormulaTriggers.Contains(text[0]) ? "'" + text : text;
}
