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

    /// <summary>Reads the file through <paramref name="open"/> (a reader from its start each time): a first look at
    /// the opening lines for the delimiter and the header, a count of delimiters per line when the table start has
    /// to be guessed, the dates until one decides between day and month first, then one pass that turns each line
    /// into a transaction or an error. Only the transactions are kept.</summary>
    public static ParsedStatement Parse(Func<TextReader> open, CsvOptions o)
    {
        var sample = Sample(open);
        var delimiter = o.Delimiter ?? GuessDelimiter(sample);
        var skip = o.SkipLines ?? (o.HasHeader ? FindHeader(sample, delimiter) : null) ?? GuessPreamble(open, delimiter);

        bool dayFirst;
        using (var table = CsvTable.Open(open, delimiter, skip, o))
        {
            if (table.Errors.Count > 0) return new ParsedStatement("csv", [], table.Errors);
            // Decided once per file, by the first date that can only be read one way.
            dayFirst = o.DateFormat is not null || (Dates.DayFirstFor(table.Rows().Select(r => Field(r.Fields, table.Date))) ?? true);
        }
        using var rows = CsvTable.Open(open, delimiter, skip, o);
        var errors = new List<ParseError>();
        var transactions = new List<ParsedTransaction>();
        foreach (var (line, fields) in rows.Rows())
        {
            var rawDate = Field(fields, rows.Date);
            if (!Dates.TryParse(rawDate, o.DateFormat, dayFirst, out var when))
            {
                errors.Add(new ParseError(line, $"Unreadable date '{rawDate}'" + (o.DateFormat is null ? "; give dateFormat (e.g. dd.MM.yyyy)." : $" for the format {o.DateFormat}.")));
                continue;
            }
            var (value, amountError) = Amount(fields, rows, o);
            if (amountError is not null)
            {
                errors.Add(new ParseError(line, amountError));
                continue;
            }
            var payeeText = NullIfEmpty(Field(fields, rows.Payee));
            var memoText = NullIfEmpty(Field(fields, rows.Memo));
            transactions.Add(new ParsedTransaction(line, when, value, payeeText ?? memoText, memoText, NullIfEmpty(Field(fields, rows.Id)),
                NullIfEmpty(Field(fields, rows.Currency))?.ToUpperInvariant(), null));
        }
        return new ParsedStatement("csv", transactions, errors);
    }

    private static (decimal Value, string? Error) Amount(string[] fields, CsvTable columns, CsvOptions o)
    {
        if (columns.Amount is { } amount)
        {
            if (!Numbers.TryParseAmount(Field(fields, amount), o.DecimalSeparator, out var value)) return (0, $"Unreadable amount '{Field(fields, amount)}'.");
            return (o.ExpensesArePositive ? -value : value, null);
        }
        var outText = Field(fields, columns.Debit);
        var inText = Field(fields, columns.Credit);
        var hasOut = Numbers.TryParseAmount(outText, o.DecimalSeparator, out var moneyOut);
        var hasIn = Numbers.TryParseAmount(inText, o.DecimalSeparator, out var moneyIn);
        if (!hasOut && !hasIn) return (0, $"Neither the debit '{outText}' nor the credit '{inText}' is an amount.");
        return ((hasIn ? Math.Abs(moneyIn) : 0) - (hasOut ? Math.Abs(moneyOut) : 0), null);
    }

    /// <summary>The table after the skipped lines: its columns, found from the header or the options, and its data
    /// lines one at a time (line numbers count from the top of the file).</summary>
    private sealed class CsvTable : IDisposable
    {
        private readonly TextReader _reader;
        private readonly CsvParser _csv;
        private readonly int _skip;
        private readonly (int Line, string[] Fields)? _first;

        private CsvTable(TextReader reader, CsvParser csv, int skip, (int, string[])? first)
        {
            _reader = reader;
            _csv = csv;
            _skip = skip;
            _first = first;
        }

        public List<ParseError> Errors { get; } = [];
        public int? Date { get; private set; }
        public int? Amount { get; private set; }
        public int? Debit { get; private set; }
        public int? Credit { get; private set; }
        public int? Payee { get; private set; }
        public int? Memo { get; private set; }
        public int? Id { get; private set; }
        public int? Currency { get; private set; }

        public static CsvTable Open(Func<TextReader> open, char delimiter, int skip, CsvOptions o)
        {
            var reader = open();
            var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = delimiter.ToString(),
                HasHeaderRecord = false,
                BadDataFound = null,
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
                TrimOptions = TrimOptions.Trim,
                IgnoreBlankLines = true,
            }, leaveOpen: true);
            for (var i = 0; i < skip; i++)
            {
                if (reader.ReadLine() is not null) continue;
                var none = new CsvTable(reader, csv, skip, null);
                none.Errors.Add(new ParseError(1, "The file has no rows after the skipped lines."));
                return none;
            }
            var first = NextRecord(csv);
            var table = new CsvTable(reader, csv, skip, o.HasHeader || first is null ? null : (skip + csv.RawRow, first));
            if (first is null) table.Errors.Add(new ParseError(skip + 1, "The file has no rows."));
            else table.FindColumns(o.HasHeader ? first : [], o);
            return table;
        }

        public IEnumerable<(int Line, string[] Fields)> Rows()
        {
            if (Errors.Count > 0) yield break;
            if (_first is { } first) yield return first;
            while (NextRecord(_csv) is { } record) yield return (_skip + _csv.RawRow, record);
        }

        public void Dispose()
        {
            _csv.Dispose();
            _reader.Dispose();
        }

        private static string[]? NextRecord(CsvParser csv)
        {
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                if (!record.All(string.IsNullOrWhiteSpace)) return record;
            }
            return null;
        }

        private void FindColumns(string[] header, CsvOptions o)
        {
            int? Column(string? given, string[] names, string what)
            {
                if (!string.IsNullOrWhiteSpace(given))
                {
                    if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return index;
                    var found = Array.FindIndex(header, h => string.Equals(h.Trim(), given.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (found < 0) Errors.Add(new ParseError(_skip + 1, $"The {what} column '{given}' is not in the header ({string.Join(", ", header)})."));
                    return found < 0 ? null : found;
                }
                var byName = Array.FindIndex(header, h => names.Contains(h.Trim().ToLowerInvariant()));
                return byName < 0 ? null : byName;
            }
            Date = Column(o.DateColumn, DateNames, "date");
            Amount = Column(o.AmountColumn, AmountNames, "amount");
            Debit = Column(o.DebitColumn, DebitNames, "debit");
            Credit = Column(o.CreditColumn, CreditNames, "credit");
            Payee = Column(o.PayeeColumn, PayeeNames, "payee");
            Memo = Column(o.MemoColumn, MemoNames, "memo");
            Id = Column(o.IdColumn, IdNames, "id");
            Currency = Column(o.CurrencyColumn, CurrencyNames, "currency");
            if (Memo == Payee) Memo = null;
            if (Date is null) Errors.Add(new ParseError(_skip + 1, "No date column: name it with dateColumn (header name or 0-based index)."));
            if (Amount is null && Debit is null && Credit is null) Errors.Add(new ParseError(_skip + 1, "No amount column: name it with amountColumn, or debitColumn and creditColumn."));
        }
    }

    /// <summary>The first 40 lines, and beyond them up to 30 lines that are not blank, for the delimiter guess.</summary>
    private static List<string> Sample(Func<TextReader> open)
    {
        var lines = new List<string>();
        var nonBlank = 0;
        using var reader = open();
        while ((lines.Count < 40 || nonBlank < 30) && reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0) nonBlank++;
            if (lines.Count < 40 || line.Trim().Length > 0) lines.Add(line);
        }
        return lines;
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
    private static int GuessPreamble(Func<TextReader> open, char delimiter)
    {
        var counts = new List<int>();
        using (var reader = open())
        {
            while (reader.ReadLine() is { } line) counts.Add(line.AsSpan().Count(delimiter));
        }
        var typical = counts.Where(c => c > 0).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => g.Key).FirstOrDefault();
        if (typical == 0) return 0;
        var first = counts.FindIndex(c => c >= typical);
        return Math.Max(0, first);
    }
}
