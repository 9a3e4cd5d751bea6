namespace TrackStack.Expenses.Importing;

/// <summary>Quicken Interchange Format: records of D(ate), T(otal), P(ayee), M(emo), L(category), N(umber)
/// ended by '^'. Only bank, cash and card sections are read; "!Account" headers are skipped.</summary>
internal static class QifParser
{
    private static readonly HashSet<string> Readable = new(StringComparer.OrdinalIgnoreCase) { "Bank", "Cash", "CCard", "Oth A", "Oth L" };

    public static ParsedStatement Parse(TextReader reader, string? dateFormat)
    {
        var records = new List<(int Line, Dictionary<char, string> Fields)>();
        var reading = false;
        Dictionary<char, string>? record = null;
        var start = 0;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            if (line[0] == '!')
            {
                reading = line.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase) && Readable.Contains(line[6..].Trim());
                record = null;
                continue;
            }
            if (!reading) continue;
            if (line[0] == '^')
            {
                if (record is { Count: > 0 }) records.Add((start, record));
                record = null;
                continue;
            }
            if (record is null) { record = []; start = number; }
            // Split lines (S/E/$) belong to one transaction; keep the first of each code.
            record.TryAdd(line[0], line[1..].Trim());
        }
        if (record is { Count: > 0 }) records.Add((start, record));

        var dayFirst = Dates.DayFirstFor(records.Select(r => r.Fields.GetValueOrDefault('D') ?? "")) ?? false;
        var transactions = new List<ParsedTransaction>();
        var errors = new List<ParseError>();
        foreach (var (line, f) in records)
        {
            if (!Dates.TryParse(f.GetValueOrDefault('D'), dateFormat, dayFirst, out var date))
            {
                errors.Add(new ParseError(line, $"Unreadable date '{f.GetValueOrDefault('D')}'. Give the date format (e.g. MM/dd'yy)."));
                continue;
            }
            var amountText = f.GetValueOrDefault('T') ?? f.GetValueOrDefault('U');
            if (!Numbers.TryParseAmount(amountText, null, out var amount))
            {
                errors.Add(new ParseError(line, $"Unreadable amount '{amountText}'."));
                continue;
            }
            var payee = f.GetValueOrDefault('P');
            var memo = f.GetValueOrDefault('M');
            transactions.Add(new ParsedTransaction(line, date, amount, string.IsNullOrEmpty(payee) ? memo : payee, memo, null, null, f.GetValueOrDefault('L')));
        }
        if (records.Count == 0) errors.Add(new ParseError(1, "No !Type:Bank (or Cash/CCard) transactions were found in this QIF file."));
        return new ParsedStatement("qif", transactions, errors);
    }
}
