namespace TrackStack.Expenses.Importing;

/// <summary>One transaction as the bank wrote it: Amount uses the bank's sign (negative = money out).</summary>
internal sealed record ParsedTransaction(int Line, DateOnly Date, decimal Amount, string? Payee, string? Memo, string? BankId, string? Currency, string? CategoryName);

internal sealed record ParseError(int Line, string Message);

internal sealed record ParsedStatement(string Format, IReadOnlyList<ParsedTransaction> Transactions, IReadOnlyList<ParseError> Errors);

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
    public bool ExpensesArePositive { get; init; }
}
