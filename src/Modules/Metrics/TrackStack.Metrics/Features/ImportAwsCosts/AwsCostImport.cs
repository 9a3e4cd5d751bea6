namespace TrackStack.Metrics.Features.ImportAwsCosts;

/// <summary>What an import stored: the days and services it covered, their total and currency, its first and last day.</summary>
public sealed record AwsCostImportResponse(int Days, int Services, double Total, string Currency, DateOnly From, DateOnly To);

/// <summary>Stores an AWS cost file as the built-in series infra.cost (tagged service), one value per service and
/// day at the household's local noon. Each (day, service) is a built-in source "infra.cost:{day}:{service}" at the
/// import's time as version, so importing an overlapping file again replaces those days instead of adding to them,
/// and a service a day no longer lists is taken out of it. Days the file does not cover keep their figures.</summary>
internal sealed class AwsCostImport(BuiltInSeries series, MetricsDb db, TimeProvider clock)
{
    public const string Metric = "infra.cost";
    private const string KeyPrefix = Metric + ":";

    public async Task<AwsCostImportResponse> ApplyAsync(Guid householdId, AwsCosts costs, CancellationToken ct)
    {
        var zone = await series.ZoneAsync(householdId, ct);
        var version = clock.GetUtcNow().UtcTicks;
        var states = costs.ByDay.Select(c => new SourceState(Key(c.Key.Day, c.Key.Service), version,
            [new BuiltInFigure(Metric, BuiltInFigure.TagsOf(("service", c.Key.Service)), null, BuiltInTime.NoonUtc(c.Key.Day, zone), c.Value)])).ToList();

        // One transaction: the built-in series' bulk writes need one, and a failed import leaves the days as they were.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var days = costs.ByDay.Keys.Select(k => $"{KeyPrefix}{k.Day:yyyy-MM-dd}:").ToHashSet(StringComparer.Ordinal);
        var kept = states.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var held = await db.BuiltInSources.AsNoTracking().Where(s => s.SourceKey.StartsWith(KeyPrefix) && !s.Deleted).Select(s => s.SourceKey).ToListAsync(ct);
        states.AddRange(held.Where(k => !kept.Contains(k) && days.Contains(k[..(KeyPrefix.Length + 11)])).Select(k => new SourceState(k, version, null)));
        await series.ApplyManyAsync(householdId, states, ct);
        await tx.CommitAsync(ct);

        var dates = costs.ByDay.Keys.Select(k => k.Day).ToList();
        return new AwsCostImportResponse(dates.Distinct().Count(), costs.ByDay.Keys.Select(k => k.Service).Distinct().Count(),
            Math.Round(costs.ByDay.Values.Sum(), 6), costs.Currency, dates.Min(), dates.Max());
    }

    private static string Key(DateOnly day, string service) => $"{KeyPrefix}{day:yyyy-MM-dd}:{service}";
}
