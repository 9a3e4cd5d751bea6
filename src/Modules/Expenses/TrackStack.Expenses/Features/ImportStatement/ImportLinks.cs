namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>The commit of matched lines: a line linked to an entry gives that entry its bank id or fingerprint (so
/// the next import of the file finds it as a duplicate) instead of adding a second entry; a line that pays a
/// checklist bill ticks it, and the bill's entry is the line's (its date, amount and bank id).</summary>
internal static class ImportLinks
{
    public static async Task LinkAsync(ExpensesDb db, IReadOnlyList<PlannedRow> matched, Guid importId, CancellationToken ct)
    {
        if (matched.Count == 0) return;
        var ids = matched.Select(r => r.EntryId!.Value).ToList();
        var entries = await db.Entries.Include(e => e.Parts).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var row in matched)
        {
            // Gone or linked by a concurrent import since the plan: the unique indexes or this check make it a 409.
            if (!entries.TryGetValue(row.EntryId!.Value, out var entry) || entry.LinkedImportId is not null || entry.BankTransactionId is not null || entry.DedupKey is not null)
                throw new ImportRaceException();
            entry.BankTransactionId = row.Source!.BankId is { } id ? BankIds.Normalize(id) : null;
            entry.DedupKey = entry.BankTransactionId is null ? row.DedupKey : null;
            entry.LinkedImportId = importId;
            if (row.CategoryChosen)
            {
                // One category chosen for the whole line: a split entry becomes one category, as a bulk move does.
                entry.CategoryId = row.CategoryId;
                entry.Parts.Clear();
            }
        }
    }

    public static async Task<List<Entry>> TickAsync(ExpensesDb db, MonthSheets sheets, IReadOnlyList<PlannedRow> bills, Guid importId, Guid user, DateTime now, CancellationToken ct)
    {
        if (bills.Count == 0) return [];
        var entries = new List<Entry>(bills.Count);
        foreach (var row in bills)
        {
            // The bill's month (not always the line's) opens here if it was not yet, which copies its checklist.
            var month = YearMonth.Of(row.Match!.Date);
            if (await sheets.EnsureWritableAsync(month, ct) is not null) throw new ImportRaceException();
            var id = row.ObligationId!.Value;
            var bill = await db.Obligations.FirstOrDefaultAsync(o => o.Month == month.Key && (o.Id == id || o.TemplateId == id), ct);
            if (bill is null || bill.Status != ObligationStatus.Pending) throw new ImportRaceException();
            var entry = new Entry
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = bill.HouseholdId,
                Date = row.Source!.Date,
                AmountCents = row.AmountCents!.Value,
                Title = bill.Title,
                Note = row.Source.Memo is { } memo ? BankText.Truncate(memo, 2000) : null,
                CategoryId = row.CategoryChosen ? row.CategoryId : bill.CategoryId ?? row.CategoryId,
                Kind = EntryKind.Checklist,
                SourceRef = $"checklist:{bill.Id}",
                BankTransactionId = row.Source.BankId is { } bankId ? BankIds.Normalize(bankId) : null,
                DedupKey = row.DedupKey,
                ImportId = importId,
                PaidBy = user,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = user,
            };
            bill.Status = ObligationStatus.Done;
            bill.EntryId = entry.Id;
            bill.DoneAt = now;
            entries.Add(entry);
        }
        return entries;
    }
}

/// <summary>An entry or bill of the plan changed before the commit; answered as a 409 like the index races.</summary>
internal sealed class ImportRaceException : Exception;
