namespace TrackStack.Expenses.Importing;

/// <summary>One transaction as the bank wrote it: Amount uses the bank's sign (negative = money out).</summary>
internal sealed record ParsedTransaction(int Line, DateOnly Date, decimal Amount, string? Payee, string? Memo, string? BankId, string? Currency, string? CategoryName);

internal sealed record ParseError(int Line, string Message);

internal sealed record ParsedStatement(string Format, IReadOnlyList<ParsedTransaction> Transactions, IReadOnlyList<ParseError> Errors)
{
    /// <summary>The header row of a CSV file, when it has one.</summary>
    public CsvLayout? Layout { get; init; }
}

/// <summary>A CSV file layout: its header row, the hash that names it, whether the household's remembered options
/// for it were used, and the options the file was read with.</summary>
internal sealed record CsvLayout(string Hash, IReadOnlyList<string> Header, bool Remembered, CsvOptions Options);

/// <summary>How to read a CSV export (other formats describe themselves). Columns are header names or
/// 0-based indexes; anything left empty is detected.</summary>
internal sealed record CsvOptions
{
    public char? Delimiter { get; init; }
    public char? DecimalSeparator { get; init; }
    public string? Encoding { get; init; }
    public int? SkipLines { get; init; }
    public bool HasHeader { get; init; } = true;
    public string? DateColumn { get; init; }
    public string? AmountColumn { get; init; }
    public string? DebitColumn { get; init; }
    public string? CreditColumn { get; init; }
    public string? PayeeColumn { get; init; }
    public string? MemoColumn { get; init; }
    public string? IdColumn { get; init; }
    public string? CurrencyColumn { get; init; }
    public string? DateFormat { get; init; }

    /// <summary>True when the file writes money out as positive numbers (most bank exports write it negative).</summary>
    public bool? ExpensesArePositive { get; init; }

    /// <summary>True when the request names any column or reading rule a household would confirm for a layout.</summary>
    public bool NamesColumns => (DateColumn ?? AmountColumn ?? DebitColumn ?? CreditColumn ?? PayeeColumn ?? MemoColumn ?? IdColumn ?? CurrencyColumn ?? DateFormat) is not null
        || DecimalSeparator is not null || ExpensesArePositive is not null;

    /// <summary>These (remembered) options under the ones a request gives: what the request names wins.</summary>
    public CsvOptions Under(CsvOptions request) => request with
    {
        DecimalSeparator = request.DecimalSeparator ?? DecimalSeparator,
        DateColumn = request.DateColumn ?? DateColumn,
        AmountColumn = request.AmountColumn ?? AmountColumn,
        DebitColumn = request.DebitColumn ?? DebitColumn,
        CreditColumn = request.CreditColumn ?? CreditColumn,
        PayeeColumn = request.PayeeColumn ?? PayeeColumn,
        MemoColumn = request.MemoColumn ?? MemoColumn,
        IdColumn = request.IdColumn ?? IdColumn,
        CurrencyColumn = request.CurrencyColumn ?? CurrencyColumn,
        DateFormat = request.DateFormat ?? DateFormat,
        ExpensesArePositive = request.ExpensesArePositive ?? ExpensesArePositive,
    };

    /// <summary>Only what a household confirms for a layout (no file-specific delimiter, encoding or skipped lines).</summary>
    public CsvOptions Confirmed() => new()
    {
        DecimalSeparator = DecimalSeparator, DateColumn = DateColumn, AmountColumn = AmountColumn, DebitColumn = DebitColumn, CreditColumn = CreditColumn,
        PayeeColumn = PayeeColumn, MemoColumn = MemoColumn, IdColumn = IdColumn, CurrencyColumn = CurrencyColumn, DateFormat = DateFormat,
        ExpensesArePositive = ExpensesArePositive,
    };
}
