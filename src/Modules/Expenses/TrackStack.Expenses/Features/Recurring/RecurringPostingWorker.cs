using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrackStack.Expenses.Features.Recurring;

/// <summary>Posts due recurring entries at start-up and then every few minutes.</summary>
internal sealed class RecurringPostingWorker(IServiceScopeFactory scopes, IOptions<ExpensesOptions> options, ILogger<RecurringPostingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Clamp(options.Value.RecurringIntervalMinutes, 1, 1440));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var posted = await scope.ServiceProvider.GetRequiredService<RecurringPoster>().PostDueAsync(null, stoppingToken);
                if (posted > 0) logger.LogInformation("Posted {Count} recurring entries", posted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Posting recurring entries failed; retrying in {Interval}", interval);
            }
            try { await Task.Delay(interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
