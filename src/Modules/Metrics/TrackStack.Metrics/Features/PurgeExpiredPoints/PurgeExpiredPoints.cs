using TrackStack.BuildingBlocks.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrackStack.Metrics.Features.PurgeExpiredPoints;

/// <summary>Deletes raw points older than their product's retention, and Idempotency-Key records older than a
/// day, at start-up and then every hour, product by product in the product's household scope. Rollups stay.</summary>
internal sealed class PurgeExpiredPoints(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PurgeExpiredPoints> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await TrackStackTelemetry.RunJobAsync("metrics-purge-expired-points", () => PurgeAllAsync(stoppingToken));
                if (purged > 0) logger.LogInformation("Purged {Count} raw points past their product's retention", purged);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Purging expired points failed; retrying in {Interval}", Interval);
            }
            try { await Task.Delay(Interval, clock, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    internal async Task<int> PurgeAllAsync(CancellationToken ct)
    {
        List<(Guid HouseholdId, Guid ProductId, int RetentionDays)> products;
        await using (var scan = scopes.CreateAsyncScope())
        {
            products = (await scan.ServiceProvider.GetRequiredService<MetricsDb>().Products.IgnoreQueryFilters().AsNoTracking()
                .Select(p => new { p.HouseholdId, p.Id, p.RetentionDays }).ToListAsync(ct))
                .Select(p => (p.HouseholdId, p.Id, p.RetentionDays)).ToList();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var purged = 0;
        foreach (var (householdId, productId, retentionDays) in products)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(householdId);
                var db = scope.ServiceProvider.GetRequiredService<MetricsDb>();
                var cutoff = now.AddDays(-retentionDays);
                purged += await db.Points.Where(p => p.ProductId == productId && p.Time < cutoff).ExecuteDeleteAsync(ct);
                var oldRecords = now - IdempotencyWindow;
                await db.IngestRecords.Where(r => r.ProductId == productId && r.CreatedAt < oldRecords).ExecuteDeleteAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Purging points of product {ProductId} failed; it is tried again next time", productId);
            }
        }
        return purged;
    }
}
