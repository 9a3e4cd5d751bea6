using TrackStack.BuildingBlocks.Observability;
namespace TrackStack.Expenses.Features.PostRecurringEntries;

/// <summary>Posts due recurring entries at start-up and then every few minutes, household by household, each in
/// its own scope and transaction with "today" from the household's time zone (the household-context projection).</summary>
internal sealed class PostRecurringEntries(IServiceScopeFactory scopes, IOptions<ExpensesOptions> options, TimeProvider clock, ILogger<PostRecurringEntries> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.RecurringIntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var posted = await TrackStackTelemetry.RunJobAsync("expenses-post-recurring-entries", () => PostAllAsync(stoppingToken));
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

    /// <summary>Every household with a template that may be due somewhere on earth (no zone is more than 14
    /// hours ahead of UTC), each in its own scope.</summary>
    internal async Task<int> PostAllAsync(CancellationToken ct)
    {
        List<Guid> households;
        var latest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
        await using (var scan = scopes.CreateAsyncScope())
        {
            households = await scan.ServiceProvider.GetRequiredService<ExpensesDb>().RecurringTemplates.IgnoreQueryFilters()
                .Where(t => t.Active && t.NextDue <= latest).Select(t => t.HouseholdId).Distinct().ToListAsync(ct);
        }
        var posted = 0;
        foreach (var householdId in households)
        {
            try
            {
                posted += await PostAsync(householdId, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One household's trouble must not stop the others' postings.
                logger.LogError(ex, "Posting recurring entries of household {HouseholdId} failed; it is tried again next time", householdId);
            }
        }
        return posted;
    }

    private async Task<int> PostAsync(Guid householdId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(householdId);
        var db = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
        var today = (await db.GetHouseholdContextAsync(householdId, ct)).Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var posted = await scope.ServiceProvider.GetRequiredService<RecurringPoster>().PostDueAsync(today, ct);
        await tx.CommitAsync(ct);
        scope.ServiceProvider.GetRequiredService<ReadModelCache>().Invalidate(ExpensesModule.Name, householdId);
        return posted;
    }
}
