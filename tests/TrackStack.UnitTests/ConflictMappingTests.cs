using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Http;

namespace TrackStack.UnitTests;

public sealed class ConflictMappingTests
{
    [Fact]
    public void Races_on_the_database_become_409_and_other_errors_stay_500()
    {
        Assert.True(ConflictExceptionHandler.IsConflict(new DbUpdateConcurrencyException("changed")));
        Assert.True(ConflictExceptionHandler.IsConflict(new DbUpdateException("unique", SqliteError("UNIQUE constraint failed: entries.id", 2067))));
        Assert.True(ConflictExceptionHandler.IsConflict(new DbUpdateException("pk", SqliteError("UNIQUE constraint failed", 1555))));
        Assert.False(ConflictExceptionHandler.IsConflict(new DbUpdateException("fk", SqliteError("FOREIGN KEY constraint failed", 787))));
        Assert.False(ConflictExceptionHandler.IsConflict(new DbUpdateException("not null", SqliteError("NOT NULL constraint failed", 1299))));
        Assert.False(ConflictExceptionHandler.IsConflict(new DbUpdateException("no inner")));
        Assert.False(ConflictExceptionHandler.IsConflict(new SqliteException("busy", 5)));
        Assert.False(ConflictExceptionHandler.IsConflict(new InvalidOperationException("bug")));
        Assert.False(ConflictExceptionHandler.IsConflict(new NullReferenceException()));
    }

    private static SqliteException SqliteError(string message, int extended) => new(message, 19, extended);
}
