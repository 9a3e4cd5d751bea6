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

    /// <summary>The last page whose offset still fits the int that LINQ's Skip takes: beyond it the offset wrapped
    /// negative, which SQLite read as 0 (the first page again) and PostgreSQL refused with a 500.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>Validates page (1..MaxPage) and pageSize (1..500), adding field errors when they are out of range.</summary>
    public static PageRequest Read(int? page, int? pageSize, FieldErrors errors, int defaultPageSize = DefaultPageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? defaultPageSize;
        errors.Check(p is >= 1 and <= MaxPage, "page", $"page must be between 1 and {MaxPage}.");
        errors.Check(s is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        return new PageRequest(Math.Clamp(p, 1, MaxPage), Math.Clamp(s, 1, MaxPageSize));
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
