namespace TrackStack.Expenses;

public sealed record EntryRequest(
    Guid? Id, DateOnly? Date, long? AmountCents, string? Title, Guid? CategoryId, string? Note,
    IReadOnlyList<string>? Tags, Guid? PaidBy, long? OriginalAmountCents, string? OriginalCurrency,
    IReadOnlyList<EntryPartRequest>? Parts = null);

/// <summary>One share of a split entry; the parts sum to the entry's amount.</summary>
public sealed record EntryPartRequest(Guid? CategoryId, long? AmountCents);

public sealed record EntryPartResponse(Guid CategoryId, string? CategoryName, string? TankKey, long AmountCents);

public sealed record EntryResponse(
    Guid Id, DateOnly Date, long AmountCents, string Title, Guid? CategoryId, string? CategoryName, string? TankKey, string? Note,
    IReadOnlyList<string> Tags, Guid? PaidBy, string Kind, long? OriginalAmountCents, string? OriginalCurrency, Guid? ImportId,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<EntryPartResponse> Parts);

internal static class EntryMapping
{
    public static async Task<Dictionary<Guid, (string Name, string TankKey)>> CategoryNamesAsync(this ExpensesDb db, CancellationToken ct) =>
        (await db.Categories.AsNoTracking()
            .Join(db.Tanks, c => c.TankId, t => t.Id, (c, t) => new { c.Id, c.Name, t.Key })
            .ToListAsync(ct)).ToDictionary(x => x.Id, x => (x.Name, x.Key));

    /// <summary>Fills the parts of entries read without tracking, in one query for the whole page.</summary>
    public static async Task LoadPartsAsync(this ExpensesDb db, IReadOnlyList<Entry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Id).ToList();
        if (ids.Count == 0) return;
        var parts = (await db.EntryParts.AsNoTracking().Where(p => ids.Contains(p.EntryId)).ToListAsync(ct)).ToLookup(p => p.EntryId);
        foreach (var e in entries) e.Parts = parts[e.Id].ToList();
    }

    /// <summary>Maps an entry; its parts must be loaded (Include) for a split entry to show them.</summary>
    public static EntryResponse ToResponse(this Entry e, IReadOnlyDictionary<Guid, (string Name, string TankKey)> categories)
    {
        var category = e.CategoryId is { } id && categories.TryGetValue(id, out var c) ? c : ((string Name, string TankKey)?)null;
        var parts = e.Parts.OrderBy(p => p.Position).Select(p =>
        {
            var pc = categories.TryGetValue(p.CategoryId, out var x) ? x : ((string Name, string TankKey)?)null;
            return new EntryPartResponse(p.CategoryId, pc?.Name, pc?.TankKey, p.AmountCents);
        }).ToList();
        return new EntryResponse(e.Id, e.Date, e.AmountCents, e.Title, e.CategoryId, category?.Name, category?.TankKey, e.Note, e.TagList, e.PaidBy,
            e.Kind.ToString().ToLowerInvariant(), e.OriginalAmountCents, e.OriginalCurrency, e.ImportId, e.CreatedAt, e.UpdatedAt, parts);
    }
}
