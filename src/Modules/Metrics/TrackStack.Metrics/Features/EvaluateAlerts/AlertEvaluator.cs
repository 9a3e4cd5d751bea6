using Microsoft.Extensions.Logging;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Metrics.Contracts;

namespace TrackStack.Metrics.Features.EvaluateAlerts;

/// <summary>What one pass did: rules evaluated (written), fired, resolved, and skipped because another evaluator
/// or an edit changed the rule first.</summary>
internal sealed record AlertPass(int Evaluated, int Fired, int Resolved, int Lost);

/// <summary>Evaluates every enabled rule of every household at one instant, rule by rule in the rule's household
/// scope. A rule's write (state, counters, last value, the firing and its event) happens only when the rule's
/// version is still the one read (UPDATE ... WHERE version = old): of two replicas evaluating one rule, one
/// writes and the other skips, so an episode fires once. A rule evaluated less than half an interval ago (by
/// another replica) is left for the next pass. The webhook is called after the commit by the evaluator that won.</summary>
internal sealed class AlertEvaluator(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, AlertWebhooks webhooks, ILogger<AlertEvaluator> logger)
{
    public async Task<AlertPass> EvaluateAsync(DateTime nowUtc, CancellationToken ct)
    {
        var now = StoredTime.Round(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        var recent = now.AddSeconds(-options.Value.AlertEvaluationSeconds / 2.0);
        List<(Guid HouseholdId, Guid Id)> due;
        await using (var scan = scopes.CreateAsyncScope())
        {
            due = (await scan.ServiceProvider.GetRequiredService<MetricsDb>().AlertRules.IgnoreQueryFilters().AsNoTracking()
                    .Where(r => r.Enabled && (r.LastEvaluatedAt == null || r.LastEvaluatedAt <= recent))
                    .OrderBy(r => r.HouseholdId).ThenBy(r => r.Id)
                    .Select(r => new { r.HouseholdId, r.Id }).ToListAsync(ct))
                .Select(r => (r.HouseholdId, r.Id)).ToList();
        }
        int evaluated = 0, fired = 0, resolved = 0, lost = 0;
        foreach (var (householdId, ruleId) in due)
        {
            try
            {
                switch (await EvaluateRuleAsync(householdId, ruleId, now, recent, ct))
                {
                    case null: lost++; break;
                    case AlertStep.Fire: evaluated++; fired++; break;
                    case AlertStep.Resolve: evaluated++; resolved++; break;
                    default: evaluated++; break;
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Evaluating alert rule {RuleId} failed; it is tried again next time", ruleId);
            }
        }
        return new AlertPass(evaluated, fired, resolved, lost);
    }

    /// <summary>The step taken, or null when the rule changed under this evaluation (or went away).</summary>
    private async Task<AlertStep?> EvaluateRuleAsync(Guid householdId, Guid ruleId, DateTime now, DateTime recent, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(householdId);
        var db = scope.ServiceProvider.GetRequiredService<MetricsDb>();
        var rule = await db.AlertRules.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == ruleId && r.Enabled && (r.LastEvaluatedAt == null || r.LastEvaluatedAt <= recent), ct);
        if (rule is null) return null;
        var reading = await AlertReadings.ReadAsync(db, rule, now, ct);
        var (step, clear) = Hysteresis.Next(rule.State, rule.ClearEvaluations, reading.Condition);
        var version = rule.Version + 1;
        var state = step switch { AlertStep.Fire => AlertState.Firing, AlertStep.Resolve => AlertState.Ok, _ => rule.State };
        var firingId = step switch { AlertStep.Fire => Guid.CreateVersion7(), AlertStep.Resolve => (Guid?)null, _ => rule.CurrentFiringId };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.AlertRules
            .Where(r => r.Id == rule.Id && r.Version == rule.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Version, version)
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.CurrentFiringId, firingId)
                .SetProperty(r => r.ClearEvaluations, clear)
                .SetProperty(r => r.LastEvaluatedAt, now)
                .SetProperty(r => r.LastValue, reading.Value), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return null;
        }

        AlertFiring? firing = null;
        var notify = rule.NotifyUserIdList;
        if (step == AlertStep.Fire)
        {
            firing = new AlertFiring
            {
                Id = firingId!.Value, RuleId = rule.Id, HouseholdId = householdId, FiredAt = now, FireValue = reading.Value, Summary = Shorten(reading.Summary),
            };
            db.AlertFirings.Add(firing);
            db.PublishEvent(new AlertFired(Guid.NewGuid(), now, householdId, rule.Id, firing.Id, rule.Name, rule.Metric, firing.Summary, reading.Value, notify, version));
        }
        else if (step == AlertStep.Resolve && rule.CurrentFiringId is { } open)
        {
            firing = await db.AlertFirings.FirstOrDefaultAsync(f => f.Id == open, ct);
            if (firing is not null)
            {
                firing.ResolvedAt = now;
                firing.ResolveValue = reading.Value;
                firing.ResolveSummary = Shorten(reading.Summary);
            }
            db.PublishEvent(new AlertResolved(Guid.NewGuid(), now, householdId, rule.Id, open, rule.Name, rule.Metric, Shorten(reading.Summary), reading.Value, notify, version));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        if (firing is not null && rule.WebhookUrl is not null)
        {
            var resolvedNow = step == AlertStep.Resolve;
            var body = new WebhookBody(resolvedNow ? "resolved" : "fired", new WebhookRule(rule.Id, rule.Name), rule.Metric, reading.Value,
                Shorten(reading.Summary), firing.FiredAt, firing.ResolvedAt, firing.Id);
            var outcome = await webhooks.SendAsync(rule, body, ct);
            var id = firing.Id;
            if (resolvedNow)
                await db.AlertFirings.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolveWebhookStatus, outcome.Status).SetProperty(f => f.ResolveWebhookError, outcome.Error), ct);
            else
                await db.AlertFirings.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.FireWebhookStatus, outcome.Status).SetProperty(f => f.FireWebhookError, outcome.Error), ct);
        }
        return step;
    }

    private static string Shorten(string summary) => summary.Length > 1000 ? summary[..1000] : summary;
}
