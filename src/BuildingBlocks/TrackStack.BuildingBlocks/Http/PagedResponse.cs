namespace TrackStack.BuildingBlocks;

/// <summary>The shape of every paginated list: one page of items and the total count.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Validates page (from 1) and pageSize (1..500), adding field errors when they are out of range.</summary>
    public static (int Page, int PageSize) Read(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultPageSize;
        errors.Check(p >= 1, "page", "page starts at 1.");
        errors.Check(s is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        return (Math.Max(1, p), Math.Clamp(s, 1, MaxPageSize));
    }
}
