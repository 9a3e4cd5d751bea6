namespace TrackStack.Expenses;

public sealed record EntryRequest(
    Guid? Id, DateOnly? Date, long? AmountCents, string? Title, Guid? CategoryId, string? Note,
    IReadOnlyList<string>? Tags, Guid? PaidBy, long? OriginalAmountCents, string? OriginalCurrency);

public sealed record EntryResponse(
    Guid Id, DateOnly Date, long AmountCents, string Title, Guid? CategoryId, string? CategoryName, string? TankKey, string? Note,
    IReadOnlyList<string> Tags, Guid? PaidBy, string Kind, long? OriginalAmountCents, string? OriginalCurrency, Guid? ImportId,
    DateTime CreatedAt, DateTime UpdatedAt);

internal static class EntryMapping
{
    public static async Task<Dictionary<Guid, (string Name, string TankKey)>> CategoryNamesAsync(this ExpensesDb db, CancellationToken ct) =>
        (await db.Categories.AsNoTracking()
            .Join(db.Tanks, c => c.TankId, t => t.Id, (c, t) => new { c.Id, c.Name, t.Key })
            .ToListAsync(ct)).ToDictionary(x => x.Id, x => (x.Name, x.Key));

    public static EntryResponse ToResponse(this Entry e, IReadOnlyDictionary<Guid, (string Name, string TankKey)> categories)
    {
        var category = e.CategoryId is { } id && categories.TryGetValue(id, out var c) ? c : ((string Name, string TankKey)?)null;
        return new EntryResponse(e.Id, e.Date, e.AmountCents, e.Title, e.CategoryId, category?.Name, category?.TankKey, e.Note, e.TagList, e.PaidBy,
            e.Kind.ToString().ToLowerInvariant(), e.OriginalAmountCents, e.OriginalCurrency, e.ImportId, e.CreatedAt, e.UpdatedAt);
    }
}
