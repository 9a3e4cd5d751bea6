using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace TrackStack.Expenses.Importing;

/// <summary>OFX 1.x (SGML, where value elements are never closed) and OFX 2.x (XML). Both are read with one
/// tag tokenizer, so unclosed or oddly closed tags and single-line files parse alike.</summary>
internal static partial class OfxParser
{
    /// <summary>The tag tokenizer is a regex over the whole text, so OFX is the one format read into one string:
    /// bank OFX downloads are small, and the upload limit bounds it.</summary>
    public static ParsedStatement Parse(TextReader reader)
    {
        var text = reader.ReadToEnd();
        var format = text.Contains("<?xml", StringComparison.OrdinalIgnoreCase) ? "ofx-xml" : "ofx-sgml";
        var transactions = new List<ParsedTransaction>();
        var errors = new List<ParseError>();
        string? currency = null;
        Dictionary<string, string>? current = null;
        var currentLine = 0;
        var lineStarts = LineStarts(text);

        void Flush()
        {
            if (current is null) return;
            var fields = current;
            current = null;
            if (!fields.TryGetValue("DTPOSTED", out var posted) || posted.Length < 8
                || !DateOnly.TryParseExact(posted[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new ParseError(currentLine, "The transaction has no valid DTPOSTED date (yyyyMMdd)."));
                return;
            }
            if (!fields.TryGetValue("TRNAMT", out var amountText) || !Numbers.TryParseAmount(amountText, amountText.Contains('.') ? '.' : null, out var amount))
            {
                errors.Add(new ParseError(currentLine, $"The transaction has no valid TRNAMT amount ('{fields.GetValueOrDefault("TRNAMT")}')."));
                return;
            }
            var payee = fields.GetValueOrDefault("NAME") ?? fields.GetValueOrDefault("PAYEE.NAME");
            transactions.Add(new ParsedTransaction(currentLine, date, amount, payee, fields.GetValueOrDefault("MEMO"),
                fields.GetValueOrDefault("FITID"), fields.GetValueOrDefault("CURSYM") ?? currency, null));
        }

        var inPayee = false;
        foreach (Match m in Tag().Matches(text))
        {
            var closing = m.Groups[1].Value == "/";
            var tag = m.Groups[2].Value.ToUpperInvariant();
            var value = WebUtility.HtmlDecode(m.Groups[3].Value).Trim();
            switch (tag)
            {
                case "STMTTRN" when !closing:
                    Flush();
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    currentLine = LineOf(lineStarts, m.Index);
                    break;
                case "STMTTRN":
                case "BANKTRANLIST" when closing:
                    Flush();
                    break;
                case "CURDEF" when value.Length == 3:
                    currency = value.ToUpperInvariant();
                    break;
                case "PAYEE":
                    inPayee = !closing;
                    break;
                default:
                    if (current is not null && !closing && value.Length > 0)
                    {
                        current[inPayee && tag == "NAME" ? "PAYEE.NAME" : tag] = value;
                    }
                    break;
            }
        }
        Flush();
        if (transactions.Count == 0 && errors.Count == 0) errors.Add(new ParseError(1, "No <STMTTRN> transactions were found in this OFX file."));
        return new ParsedStatement(format, transactions, errors);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') starts.Add(i + 1);
        return starts;
    }

    private static int LineOf(List<int> starts, int index)
    {
        var i = starts.BinarySearch(index);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    [GeneratedRegex(@"<(/?)([A-Za-z0-9._]+)\s*/?>([^<]*)")]
    private static partial Regex Tag();
}
