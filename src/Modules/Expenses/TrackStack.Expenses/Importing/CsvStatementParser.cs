using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrackStack.Expenses.Importing;

/// <summary>Bank CSV exports in their many dialects: delimiter, decimal comma, preamble lines before the
/// header, header names in several languages, one signed amount or separate out/in columns.</summary>
internal static class CsvStatementParser
{
    private static readonly char[] Delimiters = [';', ',', '\t', '|'];

    /// <summary>Reads the file through <paramref name="open"/> (a reader from its start each time): a first look at
    /// the opening lines for the delimiter and the header, a count of delimiters per line when the table start has
    /// to be guessed, the dates until one decides between day and month first, then one pass that turns each line
    /// into a transaction or an error. Only the transactions are kept.</summary>
    /// <remarks>A header row the household confirmed columns for before (<paramref name="remembered"/>, by
    /// <see cref="HeaderNames.LayoutHash"/>) fills in the options this request leaves empty.</remarks>
    public static ParsedStatement Parse(Func<TextReader> open, CsvOptions o, IReadOnlyDictionary<string, CsvOptions>? remembered = null)
    {
        var sample = Sample(open);
        var delimiter = o.Delimiter ?? GuessDelimiter(sample);
        var skip = o.SkipLines ?? (o.HasHeader ? FindHeader(sample, delimiter) : null) ?? GuessPreamble(open, delimiter);
        CsvLayout? layout = null;
        if (o.HasHeader)
        {
            using var probe = CsvTable.Open(open, delimiter, skip, o, findColumns: false);
            if (probe.Header is { } header)
            {
                var hash = HeaderNames.LayoutHash(header);
                var stored = remembered?.GetValueOrDefault(hash);
                if (stored is not null) o = stored.Under(o);
                layout = new CsvLayout(hash, header, stored is not null, o);
            }
        }

        bool dayFirst;
        using (var table = CsvTable.Open(open, delimiter, skip, o))
        {
            if (table.Errors.Count > 0) return new ParsedStatement("csv", [], table.Errors) { Layout = layout };
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
            // Money in names the other side in the payer column where a bank has one (DKB: "Zahlungspflichtige*r").
            var payeeText = (value > 0 ? NullIfEmpty(Field(fields, rows.Payer)) : null) ?? NullIfEmpty(Field(fields, rows.Payee));
            var memoText = NullIfEmpty(Field(fields, rows.Memo));
            transactions.Add(new ParsedTransaction(line, when, value, payeeText ?? memoText, memoText, NullIfEmpty(Field(fields, rows.Id)),
                NullIfEmpty(Field(fields, rows.Currency))?.ToUpperInvariant(), NullIfEmpty(Field(fields, rows.Category))));
        }
        return new ParsedStatement("csv", transactions, errors) { Layout = layout };
    }

    private static (decimal Value, string? Error) Amount(string[] fields, CsvTable columns, CsvOptions o)
    {
        if (columns.Amount is { } amount)
        {
            if (!Numbers.TryParseAmount(Field(fields, amount), o.DecimalSeparator, out var value)) return (0, $"Unreadable amount '{Field(fields, amount)}'.");
            return (o.ExpensesArePositive == true ? -value : value, null);
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
        public int? Payer { get; private set; }
        public int? Category { get; private set; }
        public string[]? Header { get; private set; }

        public static CsvTable Open(Func<TextReader> open, char delimiter, int skip, CsvOptions o, bool findColumns = true)
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
            else if (findColumns) table.FindColumns(o.HasHeader ? first : [], o);
            if (o.HasHeader) table.Header = first;
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
            // One column answers one field: the first fields choose first.
            var taken = new HashSet<int>();
            int? Column(string? given, CsvField field, string what)
            {
                int? found;
                if (!string.IsNullOrWhiteSpace(given))
                {
                    if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) found = index;
                    else
                    {
                        var named = HeaderNames.Same(header, given);
                        if (named < 0) Errors.Add(new ParseError(_skip + 1, $"The {what} column '{given}' is not in the header ({string.Join(", ", header)})."));
                        found = named < 0 ? null : named;
                    }
                }
                else found = HeaderNames.Find(header, field, taken);
                if (found is { } f) taken.Add(f);
                return found;
            }
            Date = Column(o.DateColumn, CsvField.Date, "date");
            Amount = Column(o.AmountColumn, CsvField.Amount, "amount");
            Debit = Column(o.DebitColumn, CsvField.Debit, "money out");
            Credit = Column(o.CreditColumn, CsvField.Credit, "money in");
            Id = Column(o.IdColumn, CsvField.Id, "transaction id");
            Currency = Column(o.CurrencyColumn, CsvField.Currency, "currency");
            Payee = Column(o.PayeeColumn, CsvField.Payee, "payee");
            Payer = Column(null, CsvField.Payer, "payer");
            Memo = Column(o.MemoColumn, CsvField.Memo, "memo");
            Category = Column(null, CsvField.Category, "category");
            if (Memo == Payee) Memo = null;
            if (Date is null) Errors.Add(new ParseError(_skip + 1, "No date column found: choose which column holds the date."));
            if (Amount is null && Debit is null && Credit is null) Errors.Add(new ParseError(_skip + 1, "No amount column found: choose the amount column, or the money out and money in columns."));
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
            if (HeaderNames.LooksLikeHeader(lines[i].Split(delimiter))) return i;
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
