namespace TrackStack.Expenses.Features.ListExpenses;

internal enum EntrySortKey { Date, Amount, Title, Category }

/// <summary>The order of the entries list, done by the database so it holds across pages.</summary>
internal sealed record EntrySort(EntrySortKey Key, bool Descending)
{
    public static EntrySort Read(string? sort, bool? desc, FieldErrors errors)
    {
        var key = EntrySortKey.Date;
        if (sort is not null && !EnumNames.TryParse(sort, out key)) errors.Add("sort", "Sort by date, amount, title or category.");
        // Numbers and dates read best largest/newest first, words from A.
        return new EntrySort(key, desc ?? key is EntrySortKey.Date or EntrySortKey.Amount);
    }

    public IQueryable<Entry> Apply(IQueryable<Entry> query, ExpensesDb db)
    {
        // Lower-cased and coalesced so SQLite and PostgreSQL agree (case, and where NULLs go).
        IOrderedQueryable<Entry> ordered = Key switch
        {
            EntrySortKey.Amount => Descending ? query.OrderByDescending(e => e.AmountCents) : query.OrderBy(e => e.AmountCents),
            EntrySortKey.Title => Descending ? query.OrderByDescending(e => e.Title.ToLower()) : query.OrderBy(e => e.Title.ToLower()),
            EntrySortKey.Category => Descending
                ? query.OrderByDescending(e => db.Categories.Where(c => c.Id == e.CategoryId).Select(c => c.Name.ToLower()).FirstOrDefault() ?? "")
                : query.OrderBy(e => db.Categories.Where(c => c.Id == e.CategoryId).Select(c => c.Name.ToLower()).FirstOrDefault() ?? ""),
            _ => Descending ? query.OrderByDescending(e => e.Date) : query.OrderBy(e => e.Date),
        };
        if (Key != EntrySortKey.Date) ordered = ordered.ThenByDescending(e => e.Date);
        return ordered.ThenByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);
    }
}
