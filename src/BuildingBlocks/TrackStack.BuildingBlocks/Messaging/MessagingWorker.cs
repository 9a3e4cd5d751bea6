using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Caching;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>One per module: relays the module's outbox to the transport, then runs its inbox handlers, each on
/// rows it claimed first (<see cref="MessageClaims"/>), so replicas of one module share the work without doing any
/// of it twice. Both sides retry with backoff and end in a dead-letter state an operator can replay. Delivered and
/// handled rows are deleted after the retention period.</summary>
internal sealed class MessagingWorker<TContext>(
    IServiceScopeFactory scopes,
    MessagingSignal<TContext> signal,
    IOptions<TrackStackOptions> options,
    TimeProvider clock,
    ModuleName<TContext> module,
    ModuleSelection selection,
    OutboxGauges gauges,
    IEnumerable<EventSubscription> subscriptions,
    IEventTransport transport,
    ILogger<MessagingWorker<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 50;
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MeasureEvery = TimeSpan.FromSeconds(5);
    private DateTime _nextMeasure = DateTime.MinValue;
    private readonly EventSubscription[] _handlers = subscriptions.Where(s => s.ContextType == typeof(TContext)).ToArray();
    private DateTime _nextCleanup = DateTime.MinValue;
    private DateTime? _unavailableSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Messaging;
        if (!o.RelayEnabled)
        {
            logger.LogWarning("Event relay of module {Module} is disabled (TrackStack__Messaging__RelayEnabled=false)", module.Value);
            return;
        }
        var released = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                if (!released) released = await ReleaseHeldAsync(stoppingToken);
                worked |= await RelayOutboxAsync(o, stoppingToken);
                worked |= await ProcessInboxAsync(o, stoppingToken);
                await MeasureOutboxAsync(stoppingToken);
                await CleanUpAsync(o, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Messaging loop of module {Module} failed; it will retry", module.Value);
            }
            if (!worked)
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(o.PollMilliseconds), stoppingToken);
            }
        }
    }

    /// <summary>Events held by an earlier start with only some modules on the in-process transport go out again
    /// once this process can deliver them everywhere (a process running every module, or on RabbitMQ). Returns true once done.</summary>
    private async Task<bool> ReleaseHeldAsync(CancellationToken ct)
    {
        if (!transport.ReachesEveryModule)
        {
            logger.LogWarning("Module {Module} runs without the other modules on the in-process transport (TrackStack__Messaging__Transport=InProcess): its events reach only this process's modules and stay held in its outbox ('events list') until a transport that reaches every service is configured (TrackStack__Messaging__Transport=RabbitMq)", module.Value);
            return true;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var released = await db.Set<OutboxMessage>().Where(m => m.Status == MessageStatus.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Pending).SetProperty(m => m.NextAttemptAt, clock.GetUtcNow().UtcDateTime), ct);
        if (released > 0) logger.LogInformation("Module {Module} releases {Count} held event(s) for delivery", module.Value, released);
        return true;
    }

    private async Task<bool> RelayOutboxAsync(MessagingOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var claim = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await MessageClaims.ClaimOutboxAsync(db, claim, now, now.AddSeconds(o.LeaseSeconds), BatchSize, ct) == 0) return false;
        var batch = await db.Set<OutboxMessage>().Where(m => m.LockedBy == claim).OrderBy(m => m.OccurredAt).ToListAsync(ct);

        foreach (var message in batch)
        {
            using var activity = StartActivity($"deliver {message.Type}", ActivityKind.Producer, message.TraceParent);
            try
            {
                var delivery = await transport.PublishAsync(new EventEnvelope(message.Id, message.Type, message.Payload, message.OccurredAt, module.Value, activity?.Id ?? message.TraceParent), ct);
                message.Attempts++;
                message.Status = delivery == Delivery.Complete ? MessageStatus.Done : MessageStatus.Held;
                message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                TrackStackTelemetry.EventsDelivered.Add(1, new TagList { { "module", module.Value }, { "event", message.Type } });
                if (_unavailableSince is not null)
                {
                    logger.LogInformation("Module {Module} reaches the event transport again", module.Value);
                    _unavailableSince = null;
                }
            }
            catch (TransportUnavailableException ex) when (!ct.IsCancellationRequested)
            {
                // The broker is down: the rest of the batch would fail the same way. The rows stay pending with their
                // attempts untouched, so an outage never dead-letters an event; the lease lapses for the others.
                LogUnavailable(ex);
                var retryAt = clock.GetUtcNow().UtcDateTime.AddSeconds(1);
                foreach (var pending in batch.SkipWhile(m => m != message))
                {
                    pending.NextAttemptAt = retryAt;
                    pending.LockedBy = null;
                    pending.LockedUntil = null;
                }
                await db.SaveChangesAsync(ct);
                return false;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // A timeout (TaskCanceledException) is a failed attempt like any other; only shutting down is not.
                (message.Attempts, message.Status, message.NextAttemptAt) = RetryPolicy.AfterFailure(message.Attempts, clock.GetUtcNow().UtcDateTime, o);
                message.LastError = RetryPolicy.Describe(ex);
                activity?.SetStatus(ActivityStatusCode.Error, message.LastError);
                CountFailure("deliver", message.Status);
                LogFailure("deliver", message.Type, message.Id, message.Status, message.Attempts, ex);
            }
            message.LockedBy = null;
            message.LockedUntil = null;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Our lease ran out and another relay took the row; the inboxes make the double delivery harmless.
                db.Entry(message).State = EntityState.Detached;
            }
        }
        return true;
    }

    /// <summary>Once per outage, not once per poll.</summary>
    private void LogUnavailable(TransportUnavailableException ex)
    {
        if (_unavailableSince is not null) return;
        _unavailableSince = clock.GetUtcNow().UtcDateTime;
        logger.LogWarning(ex, "Module {Module} cannot reach the event transport; its events stay pending in the outbox until it is back", module.Value);
    }

    private async Task<bool> ProcessInboxAsync(MessagingOptions o, CancellationToken ct)
    {
        if (_handlers.Length == 0) return false;
        var claim = Guid.NewGuid();
        List<(Guid EventId, string Handler)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            if (await MessageClaims.ClaimInboxAsync(db, claim, now, now.AddSeconds(o.LeaseSeconds), BatchSize, ct) == 0) return false;
            due = (await db.Set<InboxMessage>()
                    .Where(m => m.LockedBy == claim)
                    .OrderBy(m => m.ReceivedAt)
                    .Select(m => new { m.EventId, m.Handler })
                    .ToListAsync(ct))
                .Select(m => (m.EventId, m.Handler)).ToList();
        }
        foreach (var key in due)
        {
            await HandleOneAsync(key.EventId, key.Handler, claim, o, ct);
        }
        return due.Count > 0;
    }

    /// <summary>Runs one handler in one transaction with the inbox row it marks done: the effect and the
    /// "handled" mark commit together or not at all.</summary>
    private async Task HandleOneAsync(Guid eventId, string handler, Guid claim, MessagingOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var subscription = Array.Find(_handlers, h => h.Handler == handler);
        Activity? activity = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Set<InboxMessage>().FirstOrDefaultAsync(m => m.EventId == eventId && m.Handler == handler, ct);
            if (row is null || row.Status != MessageStatus.Pending || row.LockedBy != claim) return;
            activity = StartActivity($"handle {row.Type}", ActivityKind.Consumer, row.TraceParent);
            activity?.SetTag("trackstack.handler", handler);
            if (subscription is null)
            {
                throw new InvalidOperationException($"No handler named '{handler}' is registered in module {module.Value}.");
            }
            var e = EventSerializer.Deserialize(row.Payload, subscription.ClrType);
            using var household = e is IHouseholdEvent he ? scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(he.HouseholdId) : null;
            // An event about a household this module has deleted (a late or replayed one) must not bring it back.
            if (e is IHouseholdDeletion || e is not IHouseholdEvent about || !await db.IsHouseholdDeletedAsync(about.HouseholdId, ct))
            {
                await subscription.Invoke(scope.ServiceProvider, e, ct);
            }
            row.Attempts++;
            row.Status = MessageStatus.Done;
            row.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            row.LastError = null;
            row.LockedBy = null;
            row.LockedUntil = null;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException lost) when (lost.Entries.All(x => x.Entity is InboxMessage))
            {
                // Another worker processed this row first (our lease had run out); its transaction holds the effect.
                return;
            }
            await tx.CommitAsync(ct);
            if (e is IHouseholdEvent changed) scope.ServiceProvider.GetRequiredService<ReadModelCache>().Invalidate(module.Value, changed.HouseholdId);
            var tags = new TagList { { "module", module.Value }, { "handler", handler } };
            TrackStackTelemetry.EventsHandled.Add(1, tags);
            TrackStackTelemetry.EventHandlingDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            // The transaction rolled back; record the failure on a fresh context.
            await using var retryScope = scopes.CreateAsyncScope();
            var fresh = retryScope.ServiceProvider.GetRequiredService<TContext>();
            var row = await fresh.Set<InboxMessage>().FirstOrDefaultAsync(m => m.EventId == eventId && m.Handler == handler, ct);
            if (row is null || row.Status != MessageStatus.Pending || row.LockedBy != claim) return;
            (row.Attempts, row.Status, row.NextAttemptAt) = RetryPolicy.AfterFailure(row.Attempts, clock.GetUtcNow().UtcDateTime, o);
            row.LastError = RetryPolicy.Describe(ex);
            row.LockedBy = null;
            row.LockedUntil = null;
            await fresh.SaveChangesAsync(ct);
            CountFailure("handle", row.Status);
            LogFailure($"handle ({handler})", row.Type, eventId, row.Status, row.Attempts, ex);
        }
        finally
        {
            activity?.Dispose();
        }
    }

    /// <summary>A span continuing the trace of the request that raised the event (when it recorded one).</summary>
    private static Activity? StartActivity(string name, ActivityKind kind, string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? TrackStackTelemetry.Source.StartActivity(name, kind, parent)
            : TrackStackTelemetry.Source.StartActivity(name, kind);

    private void CountFailure(string stage, MessageStatus status)
    {
        var tags = new TagList { { "module", module.Value }, { "stage", stage } };
        if (status == MessageStatus.DeadLetter) TrackStackTelemetry.DeadLetters.Add(1, tags);
        else TrackStackTelemetry.EventRetries.Add(1, tags);
    }

    /// <summary>The outbox backlog for the gauges, every few seconds (a scrape never queries the database).</summary>
    private async Task MeasureOutboxAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextMeasure) return;
        _nextMeasure = now + MeasureEvery;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == MessageStatus.Pending);
        var count = await pending.CountAsync(ct);
        var oldest = count == 0 ? null : await pending.MinAsync(m => (DateTime?)m.OccurredAt, ct);
        var dead = await db.Set<OutboxMessage>().CountAsync(m => m.Status == MessageStatus.DeadLetter, ct)
            + await db.Set<InboxMessage>().CountAsync(m => m.Status == MessageStatus.DeadLetter, ct);
        gauges.Report(module.Value, count, oldest, dead);
    }

    /// <summary>Deletes outbox rows delivered and inbox rows handled more than RetentionDays ago.</summary>
    private async Task CleanUpAsync(MessagingOptions o, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup) return;
        _nextCleanup = now + CleanupEvery;
        var cutoff = now.AddDays(-o.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = await db.Set<OutboxMessage>().Where(m => m.Status == MessageStatus.Done && m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
        // In a subset, events of this process are held and handled here at once; when they are released later the
        // handled inbox rows must still be there to drop the second copy, so they are kept until then.
        var inbox = selection.IsSubset && !transport.ReachesEveryModule ? 0 : await db.Set<InboxMessage>().Where(m => m.Status == MessageStatus.Done && m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
        if (outbox + inbox > 0)
        {
            logger.LogInformation("Module {Module} deleted {Outbox} delivered and {Inbox} handled message(s) older than {Days} days", module.Value, outbox, inbox, o.RetentionDays);
        }
    }

    private void LogFailure(string action, string type, Guid id, MessageStatus status, int attempts, Exception ex)
    {
        if (status == MessageStatus.DeadLetter)
        {
            logger.LogError(ex, "Module {Module} could not {Action} event {Type} {EventId} after {Attempts} attempts; it is dead-lettered (replay: TrackStack.Host events replay {EventId})",
                module.Value, action, type, id, attempts, id);
        }
        else
        {
            logger.LogWarning(ex, "Module {Module} could not {Action} event {Type} {EventId} (attempt {Attempts}); it will retry", module.Value, action, type, id, attempts);
        }
    }
}
