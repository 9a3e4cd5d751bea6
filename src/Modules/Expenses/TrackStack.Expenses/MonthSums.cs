namespace TrackStack.Expenses;

internal sealed record CategoryMonthSum(int Year, int Month, Guid? CategoryId, long Cents);

/// <summary>What was spent per month and category, the one place that knows about split entries: an entry
/// without parts counts in its own category, a split entry counts each part in the part's category and never
/// as a whole, so no amount is counted twice or lost.</summary>
internal static class MonthSums
{
    public static async Task<List<CategoryMonthSum>> ByCategoryAsync(ExpensesDb db, DateOnly from, DateOnly before, CancellationToken ct)
    {
        // One grouped scan of the entries (the covering index household, date, category, amount) plus one of the parts;
        // SQLite and PostgreSQL sum integer cents exactly.
        var whole = await db.Entries.AsNoTracking()
            .Where(e => e.Date >= from && e.Date < before && !db.EntryParts.Any(p => p.EntryId == e.Id))
            .GroupBy(e => new { e.Date.Year, e.Date.Month, e.CategoryId })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.CategoryId, Cents = g.Sum(e => e.AmountCents) })
            .ToListAsync(ct);
        var parts = await db.EntryParts.AsNoTracking()
            .Join(db.Entries.Where(e => e.Date >= from && e.Date < before), p => p.EntryId, e => e.Id, (p, e) => new { e.Date, p.CategoryId, p.AmountCents })
            .GroupBy(x => new { x.Date.Year, x.Date.Month, x.CategoryId })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.CategoryId, Cents = g.Sum(x => x.AmountCents) })
            .ToListAsync(ct);
        return whole.Select(w => new CategoryMonthSum(w.Year, w.Month, w.CategoryId, w.Cents))
            .Concat(parts.Select(p => new CategoryMonthSum(p.Year, p.Month, p.CategoryId, p.Cents)))
            .GroupBy(s => (s.Year, s.Month, s.CategoryId))
            .Select(g => new CategoryMonthSum(g.Key.Year, g.Key.Month, g.Key.CategoryId, g.Sum(s => s.Cents)))
            .ToList();
    }
}
