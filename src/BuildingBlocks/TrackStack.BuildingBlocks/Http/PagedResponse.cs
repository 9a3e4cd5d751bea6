using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks;

/// <summary>The shape of every paginated list: one page of items and the total count.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A validated page request: page from 1, pageSize from 1 to <see cref="Paging.MaxPageSize"/>.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Validates page (from 1) and pageSize (1..500), adding field errors when they are out of range.</summary>
    public static PageRequest Read(int? page, int? pageSize, FieldErrors errors, int defaultPageSize = DefaultPageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? defaultPageSize;
        errors.Check(p >= 1, "page", "page starts at 1.");
        errors.Check(s is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        s = Math.Clamp(s, 1, MaxPageSize);
        // The row offset must fit the database's integer: page 2147483647 is a field error, not an overflow.
        errors.Check((long)(Math.Max(1, p) - 1) * s <= int.MaxValue, "page", "page is beyond the last possible page.");
        return new PageRequest(Math.Clamp(p, 1, int.MaxValue / s + 1), s);
    }

    /// <summary>One page of an ordered query and the total count of the whole query, mapped to responses.
    /// Every list endpoint answers through this, so no list returns unbounded rows.</summary>
    public static async Task<PagedResponse<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> ordered, PageRequest page, Func<T, TOut> map, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var rows = total == 0 ? [] : await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResponse<TOut>(rows.Select(map).ToList(), page.Page, page.PageSize, total);
    }
}
