using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Claims a batch of due outbox or inbox rows for one relay or worker before it works on them, so two
/// replicas of a module on one database never deliver or handle the same row at the same time. One UPDATE marks
/// the rows with a claim id and a lease: PostgreSQL picks them with FOR UPDATE SKIP LOCKED (a concurrent claimer
/// skips rows another is taking instead of waiting and taking them too); SQLite runs one writer at a time, so the
/// single statement is already exclusive. A claim whose holder died expires with its lease.</summary>
internal static class MessageClaims
{
    public static Task<int> ClaimOutboxAsync(DbContext db, Guid claim, DateTime now, DateTime until, int limit, CancellationToken ct) =>
        ClaimAsync(db, "outbox_messages", "id", "occurred_at", claim, now, until, limit, ct);

    public static Task<int> ClaimInboxAsync(DbContext db, Guid claim, DateTime now, DateTime until, int limit, CancellationToken ct) =>
        ClaimAsync(db, "inbox_messages", "event_id, handler", "received_at", claim, now, until, limit, ct);

    private static Task<int> ClaimAsync(DbContext db, string table, string key, string order, Guid claim, DateTime now, DateTime until, int limit, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var name = postgres ? $"\"{db.Model.GetDefaultSchema()}\".{table}" : table;
        var pending = (int)MessageStatus.Pending;
        // Parameters go through EF's type mappings: on SQLite dates and ids are stored as text, exactly as EF writes them.
        var skipLocked = postgres ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE {{name}} SET locked_until = {0}, locked_by = {1}
            WHERE ({{key}}) IN (
                SELECT {{key}} FROM {{name}}
                WHERE status = {{pending}} AND next_attempt_at <= {2} AND (locked_until IS NULL OR locked_until < {2})
                ORDER BY {{order}}
                LIMIT {{limit}}{{skipLocked}})
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [until, claim, now], ct);
    }
}
