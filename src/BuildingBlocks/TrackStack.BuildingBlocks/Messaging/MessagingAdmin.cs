using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>An outbox or inbox row as an operator sees it.</summary>
public sealed record MessageInfo(string Module, string Box, Guid EventId, string Type, string? Handler, MessageStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError);

/// <summary>Operator view of one module's outbox and inbox: list stuck or dead messages, replay them.</summary>
public interface IModuleMessaging
{
    string Module { get; }
    Task<IReadOnlyList<MessageInfo>> ListAsync(bool deadOnly, CancellationToken ct);

    /// <summary>Puts a dead-lettered (or pending) message back in the queue; returns how many rows it reset.</summary>
    Task<int> ReplayAsync(Guid eventId, CancellationToken ct);
}

internal sealed class ModuleMessaging<TContext>(IServiceScopeFactory scopes, ModuleName<TContext> module, MessagingSignal<TContext> signal, TimeProvider clock) : IModuleMessaging
    where TContext : DbContext
{
    public string Module => module.Value;

    public async Task<IReadOnlyList<MessageInfo>> ListAsync(bool deadOnly, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => deadOnly ? m.Status == MessageStatus.DeadLetter : m.Status != MessageStatus.Done)
            .Select(m => new MessageInfo(module.Value, "outbox", m.Id, m.Type, null, m.Status, m.Attempts, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
        var inbox = await db.Set<InboxMessage>().AsNoTracking()
            .Where(m => deadOnly ? m.Status == MessageStatus.DeadLetter : m.Status != MessageStatus.Done)
            .Select(m => new MessageInfo(module.Value, "inbox", m.EventId, m.Type, m.Handler, m.Status, m.Attempts, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
        return outbox.Concat(inbox).ToList();
    }

    public async Task<int> ReplayAsync(Guid eventId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var m in await db.Set<OutboxMessage>().Where(m => m.Id == eventId && m.Status != MessageStatus.Done).ToListAsync(ct))
        {
            m.Status = MessageStatus.Pending; m.Attempts = 0; m.NextAttemptAt = now; count++;
        }
        foreach (var m in await db.Set<InboxMessage>().Where(m => m.EventId == eventId && m.Status != MessageStatus.Done).ToListAsync(ct))
        {
            m.Status = MessageStatus.Pending; m.Attempts = 0; m.NextAttemptAt = now; count++;
        }
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return count;
    }
}
