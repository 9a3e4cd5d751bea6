using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrackStack.Expenses.Importing;

/// <summary>Bank CSV exports in their many dialects: delimiter, decimal comma, preamble lines before the
/// header, header names in several languages, one signed amount or separate out/in columns.</summary>
internal static class CsvStatementParser
{
    private static readonly char[] Delimiters = [';', ',', '\t', '|'];
    private static readonly string[] DateNames = ["date", "booking date", "transaction date", "datum", "buchungstag", "buchungsdatum", "valuta", "value date", "wertstellung", "date opération", "date operation", "fecha", "data", "boekingsdatum"];
    private static readonly string[] AmountNames = ["amount", "betrag", "montant", "bedrag", "importe", "importo", "sum", "value", "amount (eur)", "betrag (eur)", "umsatz"];
    private static readonly string[] DebitNames = ["debit", "soll", "out", "money out", "paid out", "withdrawal", "withdrawals", "ausgang", "débit", "af"];
    private static readonly string[] CreditNames = ["credit", "haben", "in", "money in", "paid in", "deposit", "deposits", "eingang", "crédit", "bij"];
    private static readonly string[] PayeeNames = ["payee", "name", "beneficiary", "counterparty", "merchant", "empfänger", "zahlungsempfänger", "auftraggeber / empfänger", "auftraggeber/empfänger", "beguenstigter/zahlungspflichtiger", "bénéficiaire", "naam / omschrijving", "naam tegenpartij", "description"];
    private static readonly string[] MemoNames = ["memo", "verwendungszweck", "purpose", "reference", "details", "communication", "communications", "libellé", "libelle", "omschrijving", "mededelingen", "notes", "text"];
    private static readonly string[] IdNames = ["id", "transaction id", "transaction reference", "fitid", "reference number", "transaktions-id", "umsatz-id"];
    private static readonly string[] CurrencyNames = ["currency", "währung", "waehrung", "devise", "munt", "ccy"];

    public static ParsedStatement Parse(string text, CsvOptions o)
    {
        var errors = new List<ParseError>();
        var allLines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var delimiter = o.Delimiter ?? GuessDelimiter(allLines);
        var skip = o.SkipLines ?? (o.HasHeader ? FindHeader(allLines, delimiter) : null) ?? GuessPreamble(allLines, delimiter);
        if (skip >= allLines.Count) return new ParsedStatement("csv", [], [new ParseError(1, "The file has no rows after the skipped lines.")]);

        var rows = new List<(int Line, string[] Fields)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
        };
        using (var reader = new StringReader(string.Join('\n', allLines.Skip(skip))))
        using (var csv = new CsvParser(reader, config))
        {
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add((skip + csv.RawRow, record));
            }
        }
        if (rows.Count == 0) return new ParsedStatement("csv", [], [new ParseError(skip + 1, "The file has no rows.")]);

        string[] header = o.HasHeader ? rows[0].Fields : [];
        var data = o.HasHeader ? rows.Skip(1).ToList() : rows;
        int? Column(string? given, string[] names, string what)
        {
            if (!string.IsNullOrWhiteSpace(given))
            {
                if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return index;
                var found = Array.FindIndex(header, h => string.Equals(h.Trim(), given.Trim(), StringComparison.OrdinalIgnoreCase));
                if (found < 0) errors.Add(new ParseError(skip + 1, $"The {what} column '{given}' is not in the header ({string.Join(", ", header)})."));
                return found < 0 ? null : found;
            }
            var byName = Array.FindIndex(header, h => names.Contains(h.Trim().ToLowerInvariant()));
            return byName < 0 ? null : byName;
        }

        var date = Column(o.DateColumn, DateNames, "date");
        var amount = Column(o.AmountColumn, AmountNames, "amount");
        var debit = Column(o.DebitColumn, DebitNames, "debit");
        var credit = Column(o.CreditColumn, CreditNames, "credit");
        var payee = Column(o.PayeeColumn, PayeeNames, "payee");
        var memo = Column(o.MemoColumn, MemoNames, "memo");
        var id = Column(o.IdColumn, IdNames, "id");
        var currency = Column(o.CurrencyColumn, CurrencyNames, "currency");
        if (memo == payee) memo = null;
        if (date is null) errors.Add(new ParseError(skip + 1, "No date column: name it with dateColumn (header name or 0-based index)."));
        if (amount is null && debit is null && credit is null) errors.Add(new ParseError(skip + 1, "No amount column: name it with amountColumn, or debitColumn and creditColumn."));
        if (errors.Count > 0) return new ParsedStatement("csv", [], errors);

        var dayFirst = Dates.DayFirstFor(data.Select(r => Field(r.Fields, date))) ?? true;
        var transactions = new List<ParsedTransaction>();
        foreach (var (line, fields) in data)
        {
            var rawDate = Field(fields, date);
            if (!Dates.TryParse(rawDate, o.DateFormat, dayFirst, out var when))
            {
                errors.Add(new ParseError(line, $"Unreadable date '{rawDate}'" + (o.DateFormat is null ? "; give dateFormat (e.g. dd.MM.yyyy)." : $" for the format {o.DateFormat}.")));
                continue;
            }
            decimal value;
            if (amount is not null)
            {
                if (!Numbers.TryParseAmount(Field(fields, amount), o.DecimalSeparator, out value))
                {
                    errors.Add(new ParseError(line, $"Unreadable amount '{Field(fields, amount)}'."));
                    continue;
                }
                if (o.ExpensesArePositive) value = -value;
            }
            else
            {
                var outText = Field(fields, debit);
                var inText = Field(fields, credit);
                var hasOut = Numbers.TryParseAmount(outText, o.DecimalSeparator, out var moneyOut);
                var hasIn = Numbers.TryParseAmount(inText, o.DecimalSeparator, out var moneyIn);
                if (!hasOut && !hasIn)
                {
                    errors.Add(new ParseError(line, $"Neither the debit '{outText}' nor the credit '{inText}' is an amount."));
                    continue;
                }
                value = (hasIn ? Math.Abs(moneyIn) : 0) - (hasOut ? Math.Abs(moneyOut) : 0);
            }
            var payeeText = NullIfEmpty(Field(fields, payee));
            var memoText = NullIfEmpty(Field(fields, memo));
            transactions.Add(new ParsedTransaction(line, when, value, payeeText ?? memoText, memoText, NullIfEmpty(Field(fields, id)), NullIfEmpty(Field(fields, currency))?.ToUpperInvariant(), null));
        }
        return new ParsedStatement("csv", transactions, errors);
    }

    private static string Field(string[] fields, int? index) => index is { } i && i < fields.Length ? fields[i].Trim() : "";

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>The delimiter that splits the first lines into the most, and most consistent, columns.</summary>
    private static char GuessDelimiter(List<string> lines)
    {
        var sample = lines.Where(l => l.Trim().Length > 0).Take(30).ToList();
        return Delimiters
            .Select(d => (d, Counts: sample.Select(l => l.Count(c => c == d)).Where(c => c > 0).ToList()))
            .Where(x => x.Counts.Count > 0)
            .OrderByDescending(x => x.Counts.GroupBy(c => c).Max(g => g.Count()) * Math.Min(x.Counts.Max(), 20))
            .Select(x => x.d)
            .DefaultIfEmpty(',')
            .First();
    }

    /// <summary>The first line (of the first 40) whose cells name a date and an amount column is the header.</summary>
    private static int? FindHeader(List<string> lines, char delimiter)
    {
        for (var i = 0; i < Math.Min(lines.Count, 40); i++)
        {
            var cells = lines[i].Split(delimiter).Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList();
            var hasDate = cells.Any(c => DateNames.Contains(c));
            var hasAmount = cells.Any(c => AmountNames.Contains(c) || DebitNames.Contains(c) || CreditNames.Contains(c));
            if (hasDate && hasAmount) return i;
        }
        return null;
    }

    /// <summary>Bank exports often start with account details; the table starts at the first line that has
    /// as many delimiters as most later lines.</summary>
    private static int GuessPreamble(List<string> lines, char delimiter)
    {
        var counts = lines.Select(l => l.Count(c => c == delimiter)).ToList();
        var typical = counts.Where(c => c > 0).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => g.Key).FirstOrDefault();
        if (typical == 0) return 0;
        var first = counts.FindIndex(c => c >= typical);
        return Math.Max(0, first);
    }
}
