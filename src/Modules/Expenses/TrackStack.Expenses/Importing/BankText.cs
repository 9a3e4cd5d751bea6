namespace TrackStack.Expenses.Importing;

/// <summary>Bank text becomes titles, notes and ids. Control characters in it (a NUL from a binary file read as
/// text, which PostgreSQL cannot store, line breaks inside a CSV cell) become spaces, and text left empty is no text.</summary>
internal static class BankText
{
    public static ParsedStatement Clean(ParsedStatement statement)
    {
        if (!statement.Transactions.Any(NeedsCleaning)) return statement;
        return statement with
        {
            Transactions = statement.Transactions.Select(t => NeedsCleaning(t)
                ? t with { Payee = Clean(t.Payee), Memo = Clean(t.Memo), BankId = Clean(t.BankId), Currency = Clean(t.Currency), CategoryName = Clean(t.CategoryName) }
                : t).ToList(),
        };
    }

    /// <summary>At most <paramref name="max"/> characters, never ending in half of a surrogate pair.</summary>
    public static string Truncate(string value, int max)
    {
        if (value.Length <= max) return value;
        return char.IsHighSurrogate(value[max - 1]) ? value[..(max - 1)] : value[..max];
    }

    private static bool NeedsCleaning(ParsedTransaction t) =>
        HasControl(t.Payee) || HasControl(t.Memo) || HasControl(t.BankId) || HasControl(t.Currency) || HasControl(t.CategoryName);

    private static bool HasControl(string? s) =>
        s is not null && (s.AsSpan().ContainsAnyInRange('\0', '\u001f') || s.AsSpan().ContainsAnyInRange('\u007f', '\u009f'));

    private static string? Clean(string? s)
    {
        if (!HasControl(s)) return s;
        var text = string.Create(s!.Length, s, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }).Trim();
        return text.Length == 0 ? null : text;
    }
}
