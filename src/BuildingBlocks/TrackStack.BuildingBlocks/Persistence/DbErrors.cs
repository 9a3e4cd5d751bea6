using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>Which database errors are races between two requests (and so a retryable 409) rather than bugs.</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int SqliteConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    /// <summary>A unique or primary-key violation: another request stored the same key first.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException { SqlState: "23505" } => true,
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        InvalidOperationException { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };

    /// <summary>The database (or the service a request depends on) cannot be reached right now: a transient connection
    /// failure, PostgreSQL shutting down or starting (SQLSTATE classes 08 and 57P), SQLite busy past its timeout, or a
    /// failed call to another service. That is a 503 the client retries, not a server error.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 5 } => true, // SQLITE_BUSY past the busy timeout
        System.Text.RegularExpressions.RegexMatchTimeoutException => false, // input that is too costly, not an outage
        DbException { SqlState: { } state } when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) => true,
        DbException { IsTransient: true } => !IsRace(exception),
        HttpRequestException or System.Net.Sockets.SocketException or TimeoutException => true,
        _ when exception.InnerException is { } inner => IsUnavailable(inner),
        _ => false,
    };

    /// <summary>Two writers raced: a unique violation, an optimistic-concurrency miss, or PostgreSQL giving up a
    /// serializable transaction or a deadlock. Foreign-key, not-null and check violations are not races: they are
    /// bugs and must surface as errors.</summary>
    public static bool IsRace(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbException { SqlState: "40001" or "40P01" } => true,
        DbUpdateException { InnerException: DbException { SqlState: "40001" or "40P01" } } => true,
        InvalidOperationException { InnerException: { } inner } when IsRace(inner) => true,
        _ => IsUniqueViolation(exception),
    };
}
