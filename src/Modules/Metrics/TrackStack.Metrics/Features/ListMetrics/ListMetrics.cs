namespace TrackStack.Metrics.Features.ListMetrics;

public sealed record MetricNameResponse(string Metric, int Series);

internal static class ListMetrics
{
    public static void MapListMetrics(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/metrics", HandleAsync).WithSummary("The household's metric names with their number of series (for pickers), optionally of one product");

    internal static async Task<Ok<IReadOnlyList<MetricNameResponse>>> HandleAsync(Guid householdId, Guid? product, HttpContext http, MetricsDb db, CancellationToken ct)
    {
        var query = db.Series.AsNoTracking().VisibleTo(http.GetHouseholdAccess().UserId);
        if (product is { } p) query = query.Where(s => s.ProductId == p);
        var names = await query.GroupBy(s => s.Metric).Select(g => new { Metric = g.Key, Series = g.Count() }).OrderBy(m => m.Metric).Take(5000).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MetricNameResponse>>(names.Select(n => new MetricNameResponse(n.Metric, n.Series)).ToList());
    }
}
