using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>One per module: relays the module's outbox to the transport, then runs its inbox handlers.
/// Both sides retry with backoff and end in a dead-letter state an operator can replay.</summary>
internal sealed class MessagingWorker<TContext>(
    IServiceScopeFactory scopes,
    MessagingSignal<TContext> signal,
    IOptions<TrackStackOptions> options,
    TimeProvider clock,
    ModuleName<TContext> module,
    IEnumerable<EventSubscription> subscriptions,
    ILogger<MessagingWorker<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 50;
    private readonly EventSubscription[] _handlers = subscriptions.Where(s => s.ContextType == typeof(TContext)).ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Messaging;
        if (!o.RelayEnabled)
        {
            logger.LogWarning("Event relay of module {Module} is disabled (TrackStack__Messaging__RelayEnabled=false)", module.Value);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked |= await RelayOutboxAsync(o, stoppingToken);
                worked |= await ProcessInboxAsync(o, stoppingToken);
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

    private async Task<bool> RelayOutboxAsync(MessagingOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.Status == MessageStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (batch.Count == 0) return false;

        var transport = scope.ServiceProvider.GetRequiredService<IEventTransport>();
        foreach (var message in batch)
        {
            try
            {
                await transport.PublishAsync(new EventEnvelope(message.Id, message.Type, message.Payload, message.OccurredAt, module.Value), ct);
                message.Attempts++;
                message.Status = MessageStatus.Done;
                message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                (message.Attempts, message.Status, message.NextAttemptAt) = RetryPolicy.AfterFailure(message.Attempts, clock.GetUtcNow().UtcDateTime, o);
                message.LastError = RetryPolicy.Describe(ex);
                LogFailure("deliver", message.Type, message.Id, message.Status, message.Attempts, ex);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another relay of the same module handled it; the inbox makes the double delivery harmless.
                db.ChangeTracker.Clear();
                return true;
            }
        }
        return true;
    }

    private async Task<bool> ProcessInboxAsync(MessagingOptions o, CancellationToken ct)
    {
        if (_handlers.Length == 0) return false;
        List<(Guid EventId, string Handler)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            due = (await db.Set<InboxMessage>()
                    .Where(m => m.Status == MessageStatus.Pending && m.NextAttemptAt <= now)
                    .OrderBy(m => m.ReceivedAt)
                    .Take(BatchSize)
                    .Select(m => new { m.EventId, m.Handler })
                    .ToListAsync(ct))
                .Select(m => (m.EventId, m.Handler)).ToList();
        }
        foreach (var key in due)
        {
            await HandleOneAsync(key.EventId, key.Handler, o, ct);
        }
        return due.Count > 0;
    }

    private async Task HandleOneAsync(Guid eventId, string handler, MessagingOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var row = await db.Set<InboxMessage>().FirstOrDefaultAsync(m => m.EventId == eventId && m.Handler == handler, ct);
        if (row is null || row.Status != MessageStatus.Pending) return;

        var subscription = Array.Find(_handlers, h => h.Handler == handler);
        try
        {
            if (subscription is null)
            {
                throw new InvalidOperationException($"No handler named '{handler}' is registered in module {module.Value}.");
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var e = EventSerializer.Deserialize(row.Payload, subscription.ClrType);
            await subscription.Invoke(scope.ServiceProvider, e, ct);
            row.Attempts++;
            row.Status = MessageStatus.Done;
            row.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            row.LastError = null;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker processed this row first; its transaction holds the effect.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Set<InboxMessage>().FirstOrDefaultAsync(m => m.EventId == eventId && m.Handler == handler, ct);
            if (fresh is null || fresh.Status != MessageStatus.Pending) return;
            (fresh.Attempts, fresh.Status, fresh.NextAttemptAt) = RetryPolicy.AfterFailure(fresh.Attempts, clock.GetUtcNow().UtcDateTime, o);
            fresh.LastError = RetryPolicy.Describe(ex);
            await db.SaveChangesAsync(ct);
            LogFailure($"handle ({handler})", fresh.Type, eventId, fresh.Status, fresh.Attempts, ex);
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
