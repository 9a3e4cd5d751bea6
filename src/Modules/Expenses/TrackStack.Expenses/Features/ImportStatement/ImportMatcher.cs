namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>What an imported line is proposed to be instead of a new entry: an entry the household already has
/// (typed, recurring, a ticked bill) or a pending checklist bill.</summary>
internal sealed record MatchProposal(string Kind, Guid Id, DateOnly Date, string Title, long AmountCents)
{
    public const string Entry = "entry";
    public const string Bill = "bill";
}

/// <summary>Finds, for each new line, the entry the household already recorded for it: the same amount, a date at
/// most <see cref="Days"/> days apart and a similar payee, the closest date first; failing that a pending bill of
/// the checklist with the same amount and a similar title, due in the line's month or within those days. An entry
/// or bill answers one line only, and entries that already carry a bank line are never proposed again.</summary>
internal static class ImportMatcher
{
    public const int Days = 3;

    public static async Task MatchAsync(ExpensesDb db, List<PlannedRow> rows, CancellationToken ct)
    {
        var fresh = rows.Where(r => r.Status == RowStatus.New).ToList();
        if (fresh.Count == 0) return;
        var first = fresh.Min(r => r.Source!.Date).AddDays(-Days);
        var last = fresh.Max(r => r.Source!.Date).AddDays(Days);
        var amounts = fresh.Select(r => r.AmountCents!.Value).ToHashSet();
        // By amount: a large statement compares each line with the few entries of its amount only.
        var closed = await ClosedMonthsAsync(db, ct);
        var entries = (await Candidates(db).Where(e => e.Date >= first && e.Date <= last)
            .Select(e => new MatchProposal(MatchProposal.Entry, e.Id, e.Date, e.Title, e.AmountCents)).ToListAsync(ct))
            .Where(e => amounts.Contains(e.AmountCents) && !closed.Contains(YearMonth.Of(e.Date).Key)).ToLookup(e => e.AmountCents);
        // The months a bill of a line can be in: its own and, near a month's edge, the one next to it.
        var months = fresh.SelectMany(r => new[] { r.Source!.Date.AddDays(-Days), r.Source.Date, r.Source.Date.AddDays(Days) }).Select(d => YearMonth.Of(d).Key).ToHashSet();
        var bills = (await PendingBillsAsync(db, months, ct)).Where(o => amounts.Contains(o.AmountCents)).ToLookup(o => o.AmountCents);

        var used = new HashSet<Guid>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Status != RowStatus.New) continue;
            var tx = row.Source!;
            var entry = entries[row.AmountCents!.Value]
                .Where(e => !used.Contains(e.Id) && Math.Abs(e.Date.DayNumber - tx.Date.DayNumber) <= Days
                    && (PayeeSimilarity.Similar(tx.Payee, e.Title) || PayeeSimilarity.Similar(tx.Memo, e.Title)))
                .OrderBy(e => Math.Abs(e.Date.DayNumber - tx.Date.DayNumber)).FirstOrDefault();
            if (entry is not null)
            {
                used.Add(entry.Id);
                rows[i] = row with { Status = RowStatus.Matched, Match = entry, EntryId = entry.Id };
                continue;
            }
            var bill = bills[row.AmountCents!.Value]
                .Where(o => !used.Contains(o.Id) && !used.Contains(o.TemplateId) && IsDue(o, tx.Date)
                    && (PayeeSimilarity.Similar(tx.Payee, o.Title) || PayeeSimilarity.Similar(tx.Memo, o.Title)))
                .OrderBy(o => Math.Abs(Due(o).DayNumber - tx.Date.DayNumber)).FirstOrDefault();
            if (bill is not null)
            {
                used.Add(bill.Id);
                used.Add(bill.TemplateId);
                rows[i] = row with { Status = RowStatus.Bill, Match = ToProposal(bill), ObligationId = bill.Id };
            }
        }
    }

    /// <summary>The pending bills of the months: stored for opened months, previewed from the active checklist for months
    /// not opened yet (with the template's id, as the month's checklist shows them; the commit opens the month). A closed
    /// month's bills are not offered: ticking one would be refused at the commit.</summary>
    public static async Task<List<Obligation>> PendingBillsAsync(ExpensesDb db, IReadOnlySet<int> months, CancellationToken ct)
    {
        if (months.Count == 0) return [];
        var (first, last) = (months.Min(), months.Max());
        var sheets = await db.Months.AsNoTracking().Where(m => m.Month >= first && m.Month <= last).Select(m => new { m.Month, m.Status }).ToListAsync(ct);
        var closed = sheets.Where(m => m.Status == MonthStatus.Closed).Select(m => m.Month).ToHashSet();
        var bills = (await db.Obligations.AsNoTracking().Where(o => o.Status == ObligationStatus.Pending && o.Month >= first && o.Month <= last).ToListAsync(ct))
            .Where(o => months.Contains(o.Month) && !closed.Contains(o.Month)).ToList();
        var opened = sheets.Select(m => m.Month).ToHashSet();
        var templates = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Active).ToListAsync(ct);
        if (templates.Count == 0) return bills;
        foreach (var month in months.Where(m => !opened.Contains(m)).Order())
        {
            bills.AddRange(templates.Select(t => MonthSheets.Preview(t, YearMonth.FromKey(month))));
        }
        return bills;
    }

    /// <summary>The household's closed months: their entries are not linked (that would change a closed month).</summary>
    public static async Task<HashSet<int>> ClosedMonthsAsync(ExpensesDb db, CancellationToken ct) =>
        (await db.Months.AsNoTracking().Where(m => m.Status == MonthStatus.Closed).Select(m => m.Month).ToListAsync(ct)).ToHashSet();

    /// <summary>Entries a bank line may be linked to: any the household made itself, not from a bank.</summary>
    public static IQueryable<Entry> Candidates(ExpensesDb db) =>
        db.Entries.AsNoTracking().Where(e => e.BankTransactionId == null && e.DedupKey == null && e.ImportId == null && e.LinkedImportId == null);

    public static MatchProposal ToProposal(Obligation o) => new(MatchProposal.Bill, o.Id, Due(o), o.Title, o.AmountCents);

    private static bool IsDue(Obligation o, DateOnly date) => o.Month == YearMonth.Of(date).Key || Math.Abs(Due(o).DayNumber - date.DayNumber) <= Days;

    private static DateOnly Due(Obligation o)
    {
        var month = YearMonth.FromKey(o.Month);
        return new DateOnly(month.Year, month.Month, Math.Clamp(o.DueDay ?? 1, 1, month.Days));
    }
}
