using TrackStack.BuildingBlocks.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrackStack.Metrics.Features.EvaluateAlerts;

/// <summary>Runs <see cref="AlertEvaluator"/> every TrackStack__Metrics__AlertEvaluationSeconds (60), the first
/// pass one interval after start; not at all with 0.</summary>
internal sealed class EvaluateAlerts(AlertEvaluator evaluator, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<EvaluateAlerts> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AlertEvaluationSeconds == 0) return;
        var interval = TimeSpan.FromSeconds(options.Value.AlertEvaluationSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(interval, clock, stoppingToken); } catch (OperationCanceledException) { break; }
            try
            {
                var pass = await TrackStackTelemetry.RunJobAsync("metrics-evaluate-alerts", () => evaluator.EvaluateAsync(clock.GetUtcNow().UtcDateTime, stoppingToken));
                if (pass.Fired + pass.Resolved > 0) logger.LogInformation("Alert rules: {Fired} fired, {Resolved} resolved", pass.Fired, pass.Resolved);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Evaluating the alert rules failed; retrying in {Interval}", interval);
            }
        }
    }
}
