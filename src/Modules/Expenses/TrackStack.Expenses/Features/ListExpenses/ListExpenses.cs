namespace TrackStack.Expenses.Features.ListExpenses;

public sealed record EntryPageResponse(IReadOnlyList<EntryResponse> Items, int Page, int PageSize, int Total, long TotalCents);

internal static class ListExpenses
{
    public static void MapListExpenses(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/entries", HandleAsync)
            .WithSummary("Entries, newest first (or sorted), with filters and paging")
            .WithDescription("Filters: month=yyyy-MM or from/to dates, tank (key), categoryId (or 'none'), tag, q (text in title or note), kind. A split entry matches the category and tank of each of its parts. Sorting: sort=date (default), amount, title or category (by name, uncategorised and split entries first), desc=true|false (default true for date and amount, false for title and category); ties newest first. Paging: page (from 1), pageSize (≤ 500). totalCents sums the whole filtered list; with a category or tank filter it counts only the parts of split entries in it.");

    internal static async Task<Results<Ok<EntryPageResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, ExpensesDb db, string? month, DateOnly? from, DateOnly? to, string? tank, string? categoryId, string? tag, string? q, string? kind,
        string? sort, bool? desc, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        var query = db.Entries.AsNoTracking();
        if (month is not null)
        {
            if (YearMonth.TryParse(month, out var m)) query = query.Where(e => e.Date >= m.First && e.Date < m.NextFirst);
            else errors.Add("month", "Use the form yyyy-MM, e.g. 2026-11.");
        }
        if (from is { } f) query = query.Where(e => e.Date >= f);
        if (to is { } t) query = query.Where(e => e.Date <= t);
        // The categories a filter keeps (tank and/or category): an entry or a part of a split in one of them matches.
        List<Guid>? wanted = null;
        if (tank is not null)
        {
            var key = tank.ToLowerInvariant();
            wanted = await db.Categories
                .Join(db.Tanks.Where(x => x.Key == key), c => c.TankId, x => x.Id, (c, _) => c.Id).ToListAsync(ct);
        }
        if (categoryId == "none") query = query.Where(e => e.CategoryId == null && !db.EntryParts.Any(p => p.EntryId == e.Id));
        else if (categoryId is not null)
        {
            if (Guid.TryParse(categoryId, out var c)) wanted = wanted is null ? [c] : wanted.Where(x => x == c).ToList();
            else errors.Add("categoryId", "Give a category id, or 'none' for uncategorised entries.");
        }
        if (wanted is not null)
        {
            query = query.Where(e => (e.CategoryId != null && wanted.Contains(e.CategoryId.Value))
                                     || db.EntryParts.Any(p => p.EntryId == e.Id && wanted.Contains(p.CategoryId)));
        }
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var needle = "|" + EntryTags.Normalize(tag) + "|";
            query = query.Where(e => e.Tags.Contains(needle));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(e => EF.Functions.Like(e.Title.ToLower(), pattern, "\\") || (e.Note != null && EF.Functions.Like(e.Note.ToLower(), pattern, "\\")));
        }
        if (kind is not null)
        {
            if (EnumNames.TryParse<EntryKind>(kind, out var k)) query = query.Where(e => e.Kind == k);
            else errors.Add("kind", "Use manual, recurring, checklist, import or heating.");
        }
        var order = EntrySort.Read(sort, desc, errors);
        if (errors.Any) return errors.ToResult();

        var total = await query.CountAsync(ct);
        var totalCents = wanted is null
            ? await query.SumAsync(e => (long?)e.AmountCents, ct) ?? 0
            : (await query.Where(e => !db.EntryParts.Any(p => p.EntryId == e.Id)).SumAsync(e => (long?)e.AmountCents, ct) ?? 0)
              + (await db.EntryParts.Where(p => wanted.Contains(p.CategoryId) && query.Any(e => e.Id == p.EntryId)).SumAsync(p => (long?)p.AmountCents, ct) ?? 0);
        var items = await order.Apply(query, db).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        await db.LoadPartsAsync(items, ct);
        var categories = await db.CategoryNamesAsync(ct);
        return TypedResults.Ok(new EntryPageResponse(items.Select(e => e.ToResponse(categories)).ToList(), paging.Page, paging.PageSize, total, totalCents));
    }
}
