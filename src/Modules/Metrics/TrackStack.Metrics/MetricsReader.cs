using TrackStack.Metrics.Contracts;
using TrackStack.Metrics.Features.QueryMetrics;

namespace TrackStack.Metrics;

/// <summary>The in-process <see cref="IMetricsReader"/>: the query endpoint's own handler, without a member (so no
/// personal series), in the caller's household scope.</summary>
internal sealed class MetricsReader(MetricsDb db) : IMetricsReader
{
    public async Task<MetricSeriesSet> QueryAsync(Guid householdId, MetricQuery query, CancellationToken ct)
    {
        var context = await db.GetHouseholdContextAsync(householdId, ct);
        var input = new QueryMetrics.QueryInput(query.Metric, query.From.ToString("o", CultureInfo.InvariantCulture), query.To.ToString("o", CultureInfo.InvariantCulture),
            query.Bucket, query.Agg, query.GroupBy, [.. query.Where ?? []], query.ProductId);
        var result = await QueryMetrics.HandleAsync(input, context.TimeZone, null, db, ct);
        return result.Result switch
        {
            Ok<QueryResponse> ok => new MetricSeriesSet(ok.Value!.Metric, ok.Value.TimeZone,
                ok.Value.Series.Select(s => new TrackStack.Metrics.Contracts.MetricSeries(s.Group, s.Points.Select(p => new MetricPoint(p.Start, p.Value, p.Count)).ToList())).ToList()),
            ValidationProblem problem => throw new ArgumentException(string.Join(" ", problem.ProblemDetails.Errors.SelectMany(e => e.Value))),
            _ => throw new InvalidOperationException("The metrics query answered something unexpected."),
        };
    }
}
