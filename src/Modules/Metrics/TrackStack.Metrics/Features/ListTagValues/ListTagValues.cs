namespace TrackStack.Metrics.Features.ListTagValues;

public sealed record TagValuesResponse(string Key, IReadOnlyList<string> Values);

internal static class ListTagValues
{
    public static void MapListTagValues(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/tags", HandleAsync).WithSummary("A metric's tag keys and their values (for groupBy and where pickers)");

    internal static async Task<Results<Ok<IReadOnlyList<TagValuesResponse>>, ValidationProblem>> HandleAsync(Guid householdId, string? metric, Guid? product, HttpContext http, MetricsDb db, CancellationToken ct)
    {
        if (!PointRules.IsName(metric)) return new FieldErrors().Add("metric", "Name the metric. " + PointRules.NameRule).ToResult();
        var query = db.Series.AsNoTracking().VisibleTo(http.GetHouseholdAccess().UserId).Where(s => s.Metric == metric);
        if (product is { } p) query = query.Where(s => s.ProductId == p);
        var tags = await query.Select(s => s.Tags).Take(10_000).ToListAsync(ct);
        var result = tags.SelectMany(t => SeriesKey.ParseTags(t))
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TagValuesResponse(g.Key, g.Select(kv => kv.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(1000).ToList()))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<TagValuesResponse>>(result);
    }
}
