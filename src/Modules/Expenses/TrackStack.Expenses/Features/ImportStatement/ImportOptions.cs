namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>The form fields of an import, checked: every value a parser could fail on (a date format .NET cannot
/// read, an encoding it refuses, a delimiter CsvHelper refuses) is a field error here, not a 500 later.</summary>
internal static class ImportOptions
{
    /// <summary>Day, month and year all different, and a past year: a format without the year reads back the
    /// current one, so it cannot pass by chance.</summary>
    private static readonly DateOnly Probe = new(1987, 11, 23);

    public static (CsvOptions Options, bool DryRun, bool IncludeCredits) Read(IReadOnlyDictionary<string, string> form, FieldErrors errors)
    {
        string? Text(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        bool Flag(string name, bool fallback)
        {
            var text = Text(name);
            if (text is null) return fallback;
            if (bool.TryParse(text, out var b)) return b;
            errors.Add(name, "Use true or false.");
            return fallback;
        }
        char? Char(string name)
        {
            var text = Text(name);
            if (text is null) return null;
            if (text is "tab" or "\\t") return '\t';
            if (text.Length == 1) return text[0];
            errors.Add(name, "Give one character (or 'tab').");
            return null;
        }
        int? skip = null;
        if (Text("skipLines") is { } s)
        {
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1000) skip = n;
            else errors.Add("skipLines", "Give the number of lines before the table (0 to 1000).");
        }
        var delimiter = Char("delimiter");
        // CsvHelper refuses the quote, line breaks and spaces (which it trims) as delimiters; letters and digits split values.
        if (delimiter is { } d && (d is '"' || char.IsLetterOrDigit(d) || (char.IsWhiteSpace(d) && d != '\t') || char.IsControl(d) && d != '\t'))
            errors.Add("delimiter", "Use a punctuation character such as ';', ',', '|' or 'tab'.");
        var decimalSeparator = Char("decimalSeparator");
        if (decimalSeparator is not null and not ('.' or ',')) errors.Add("decimalSeparator", "Use '.' or ','.");
        var encoding = Text("encoding");
        if (encoding is not null && !TextDecoding.IsKnown(encoding)) errors.Add("encoding", $"Unknown encoding '{encoding}'; use utf-8, latin1 or windows-1252.");
        var dateFormat = Text("dateFormat");
        if (dateFormat is not null && !IsDateFormat(dateFormat)) errors.Add("dateFormat", "Give a date format with day, month and year, such as dd.MM.yyyy or MM/dd/yy.");
        var options = new CsvOptions
        {
            Delimiter = delimiter,
            DecimalSeparator = decimalSeparator,
            Encoding = encoding,
            SkipLines = skip,
            HasHeader = Flag("hasHeader", true),
            DateColumn = Text("dateColumn"),
            AmountColumn = Text("amountColumn"),
            DebitColumn = Text("debitColumn"),
            CreditColumn = Text("creditColumn"),
            PayeeColumn = Text("payeeColumn"),
            MemoColumn = Text("memoColumn"),
            IdColumn = Text("idColumn"),
            CurrencyColumn = Text("currencyColumn"),
            DateFormat = dateFormat,
            ExpensesArePositive = Text("expensesArePositive") is null ? null : Flag("expensesArePositive", false),
        };
        return (options, Flag("dryRun", false), Flag("includeCredits", false));
    }

    /// <summary>A custom format that writes a date and reads the same date back: it names day, month and year, and
    /// .NET can use it (a lone backslash or '%' threw FormatException even from TryParseExact).</summary>
    private static bool IsDateFormat(string format)
    {
        if (format.Length > 40) return false;
        try
        {
            var written = Probe.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(written, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var read) && read == Probe;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
