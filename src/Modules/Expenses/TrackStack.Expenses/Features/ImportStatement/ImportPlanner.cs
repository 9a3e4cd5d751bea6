namespace TrackStack.Expenses.Features.ImportStatement;

internal enum RowStatus
{
    New,
    Duplicate,
    Error,
    Skipped,

    /// <summary>Linked to an entry the household already has (<see cref="PlannedRow.EntryId"/>): nothing is added.</summary>
    Matched,

    /// <summary>Ticks a pending checklist bill (<see cref="PlannedRow.ObligationId"/>), which records the bill's entry.</summary>
    Bill,
}

internal sealed record PlannedRow(int Line, RowStatus Status, ParsedTransaction? Source, long? AmountCents, Guid? CategoryId, string? DedupKey, string? Message)
{
    /// <summary>The entry or bill the line matched automatically (or was linked to by the user).</summary>
    public MatchProposal? Match { get; init; }
    public Guid? EntryId { get; init; }
    public Guid? ObligationId { get; init; }

    /// <summary>The category was chosen in the preview (it then also applies to a linked entry and a ticked bill).</summary>
    public bool CategoryChosen { get; init; }

    /// <summary>A skipped line the user may still add (money in, in an open month, not imported before).</summary>
    public bool Addable { get; init; }
}

/// <summary>Decides, for every parsed transaction, whether it is new, a duplicate of a stored entry (bank id
/// first, else date + amount + payee), an entry or bill the household already has (<see cref="ImportMatcher"/>),
/// skipped (money in, unless asked for) or an error, and which category the rules give it; then applies the user's
/// decisions from the preview (<see cref="ImportDecisions"/>). Dates and amounts follow the rules of a typed entry; payee and memo become the title and note,
/// cut to their lengths (200 and 2000) rather than refused, since a bank writes them, not the user. Touches
/// nothing: a dry run shows exactly what a commit would do.</summary>
internal static class ImportPlanner
{
    public static async Task<List<PlannedRow>> PlanAsync(ExpensesDb db, Guid householdId, ParsedStatement statement, string currency, bool includeCredits,
        IReadOnlyList<ImportDecision> decisions, FieldErrors errors, CancellationToken ct)
    {
        var rows = statement.Errors.Select(e => new PlannedRow(e.Line, RowStatus.Error, null, null, null, null, e.Message)).ToList();
        var txs = statement.Transactions;
        if (txs.Count == 0) return rows.OrderBy(r => r.Line).ToList();

        var categoriser = new Categoriser(await db.Rules.AsNoTracking().ToListAsync(ct));
        var byName = (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .ToDictionary(c => c.Name.ToLowerInvariant(), c => c.Id);
        var closed = (await db.Months.AsNoTracking().Where(s => s.Status == MonthStatus.Closed).Select(s => s.Month).ToListAsync(ct)).ToHashSet();

        var bankIds = txs.Where(t => t.BankId is not null).Select(t => BankIds.Normalize(t.BankId!)).Distinct().ToList();
        var knownIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in bankIds.Chunk(500))
        {
            knownIds.UnionWith(await db.Entries.AsNoTracking().Where(e => e.BankTransactionId != null && chunk.Contains(e.BankTransactionId))
                .Select(e => e.BankTransactionId!).ToListAsync(ct));
        }
        var first = txs.Min(t => t.Date);
        var last = txs.Max(t => t.Date);
        // A linked entry keeps its own date, up to ImportMatcher.Days (or, linked by hand, any number of days) from the line's.
        var knownKeys = (await db.Entries.AsNoTracking().Where(e => e.DedupKey != null && ((e.Date >= first && e.Date <= last) || e.LinkedImportId != null))
            .Select(e => e.DedupKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tx in txs)
        {
            // The rules of a typed entry (EntryValidation): a bank line is no more trusted than a form.
            if (tx.Date.Year is < 1900 or > 2999)
            {
                rows.Add(new PlannedRow(tx.Line, RowStatus.Error, tx, null, null, null, $"The date {tx.Date:yyyy-MM-dd} is not between 1900 and 2999."));
                continue;
            }
            if (Math.Abs(tx.Amount) > EntryValidation.MaxCents / 100m)
            {
                rows.Add(new PlannedRow(tx.Line, RowStatus.Error, tx, null, null, null, "The amount is larger than 1,000,000,000."));
                continue;
            }
            var spent = -Money.ToCents(tx.Amount);
            if (tx.Currency is { } c && !string.Equals(c, currency, StringComparison.OrdinalIgnoreCase))
            {
                rows.Add(new PlannedRow(tx.Line, RowStatus.Error, tx, spent, null, null, $"The amount is in {c}, the household counts in {currency}: convert the file first."));
                continue;
            }
            if (spent == 0)
            {
                rows.Add(new PlannedRow(tx.Line, RowStatus.Skipped, tx, spent, null, null, "Zero amount."));
                continue;
            }
            var moneyIn = spent < 0 && !includeCredits;
            if (closed.Contains(YearMonth.Of(tx.Date).Key))
            {
                rows.Add(moneyIn
                    ? new PlannedRow(tx.Line, RowStatus.Skipped, tx, spent, null, null, "Income: not counted as an expense.")
                    : new PlannedRow(tx.Line, RowStatus.Error, tx, spent, null, null, $"The month {YearMonth.Of(tx.Date)} is closed."));
                continue;
            }
            var category = categoriser.CategoryFor(tx.Payee, tx.Memo)
                ?? (tx.CategoryName is { } name && byName.TryGetValue(name.Trim().ToLowerInvariant(), out var byCategoryName) ? byCategoryName : null);
            string? key = null;
            bool duplicate;
            if (tx.BankId is not null)
            {
                var id = BankIds.Normalize(tx.BankId);
                duplicate = knownIds.Contains(id) || !seenIds.Add(id);
            }
            else
            {
                var baseKey = Dedup.Key(tx.Date, spent, tx.Payee, 1);
                var n = occurrences[baseKey] = occurrences.GetValueOrDefault(baseKey) + 1;
                key = n == 1 ? baseKey : Dedup.Key(tx.Date, spent, tx.Payee, n);
                duplicate = knownKeys.Contains(key);
            }
            if (duplicate) rows.Add(new PlannedRow(tx.Line, RowStatus.Duplicate, tx, spent, category, key, "Already imported."));
            // Money in is shown (as income) and can be added by the user, as a refund.
            else if (moneyIn) rows.Add(new PlannedRow(tx.Line, RowStatus.Skipped, tx, spent, category, key, "Income: not counted as an expense.") { Addable = true });
            else rows.Add(new PlannedRow(tx.Line, RowStatus.New, tx, spent, category, key, null));
        }
        await ImportMatcher.MatchAsync(db, rows, ct);
        await ImportDecisions.ApplyAsync(db, rows, decisions, errors, ct);
        return rows.OrderBy(r => r.Line).ToList();
    }
}

/// <summary>Bank ids are stored as given up to 100 characters; longer ones (OFX allows 255) as a SHA-256, so the
/// stored and the compared form are always the same.</summary>
internal static class BankIds
{
    public static string Normalize(string id)
    {
        id = id.Trim();
        return id.Length <= 100 ? id : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
    }
}
