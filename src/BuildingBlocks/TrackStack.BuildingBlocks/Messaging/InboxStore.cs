using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Durably stores a received event in a module's inbox, once per handler.</summary>
public interface IInboxStore
{
    Type ContextType { get; }

    /// <summary>The module that owns the inbox (a broker names its queue after it).</summary>
    string Module { get; }
    Task StoreAsync(EventEnvelope envelope, IReadOnlyCollection<string> handlers, CancellationToken ct);
}

internal sealed class InboxStore<TContext>(IServiceScopeFactory scopes, MessagingSignal<TContext> signal, ModuleName<TContext> module, TimeProvider clock) : IInboxStore
    where TContext : DbContext
{
    public Type ContextType => typeof(TContext);

    public string Module => module.Value;

    public async Task StoreAsync(EventEnvelope envelope, IReadOnlyCollection<string> handlers, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var inbox = db.Set<InboxMessage>();
        var known = await inbox.Where(m => m.EventId == envelope.EventId).Select(m => m.Handler).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var handler in handlers.Except(known))
        {
            inbox.Add(new InboxMessage
            {
                EventId = envelope.EventId,
                Handler = handler,
                Type = envelope.Type,
                Payload = envelope.Payload,
                TraceParent = envelope.TraceParent,
                ReceivedAt = now,
                NextAttemptAt = now,
                Status = MessageStatus.Pending,
            });
            added++;
        }
        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // A concurrent delivery of the same event won the race; that is fine as long as every row exists.
                var stored = await inbox.AsNoTracking().CountAsync(m => m.EventId == envelope.EventId && handlers.Contains(m.Handler), ct);
                if (stored < handlers.Count) throw;
            }
        }
        signal.Notify();
    }
}
