using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Http;

namespace TrackStack.UnitTests;

public sealed class ConflictMappingTests
{
    [Fact]
    public void Races_on_the_database_become_409_and_other_errors_stay_500()
    {
        Assert.True(ConflictExceptionHandler.IsConflict(new DbUpdateException("unique")));
        Assert.True(ConflictExceptionHandler.IsConflict(new DbUpdateConcurrencyException("changed")));
        Assert.True(ConflictExceptionHandler.IsConflict(new Microsoft.Data.Sqlite.SqliteException("constraint", 19)));
        Assert.False(ConflictExceptionHandler.IsConflict(new Microsoft.Data.Sqlite.SqliteException("busy", 5)));
        Assert.False(ConflictExceptionHandler.IsConflict(new InvalidOperationException("bug")));
        Assert.False(ConflictExceptionHandler.IsConflict(new NullReferenceException()));
    }
}
