namespace TrackStack.Expenses;

/// <summary>What a category change does to split entries.</summary>
internal static class SplitParts
{
    /// <summary>Moves the parts of a deleted category to another one. A split that then has that category twice
    /// gets one part with the sum, so each category still appears once per entry; a split left with one part is an
    /// entry of that one category again (a split needs two parts, so it could no longer be saved otherwise).</summary>
    public static async Task ReassignAsync(ExpensesDb db, Guid from, Guid to, CancellationToken ct)
    {
        var entryIds = await db.EntryParts.Where(p => p.CategoryId == from).Select(p => p.EntryId).Distinct().ToListAsync(ct);
        if (entryIds.Count == 0) return;
        var parts = await db.EntryParts.Where(p => entryIds.Contains(p.EntryId)).ToListAsync(ct);
        var single = new List<Guid>();
        foreach (var entry in parts.GroupBy(p => p.EntryId))
        {
            var moved = entry.Where(p => p.CategoryId == from).ToList();
            var target = entry.FirstOrDefault(p => p.CategoryId == to);
            if (target is null) { moved.ForEach(p => p.CategoryId = to); continue; }
            target.AmountCents += moved.Sum(p => p.AmountCents);
            db.EntryParts.RemoveRange(moved);
            if (entry.Count() - moved.Count == 1) single.Add(entry.Key);
        }
        if (single.Count > 0)
        {
            db.EntryParts.RemoveRange(parts.Where(p => single.Contains(p.EntryId)));
            await db.Entries.Where(e => single.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.CategoryId, to), ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
