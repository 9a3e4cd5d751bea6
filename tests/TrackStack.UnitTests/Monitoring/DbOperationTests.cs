using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.UnitTests.Monitoring;

public sealed class DbOperationTests
{
    [Theory]
    [InlineData("SELECT 1", "select")]
    [InlineData("  with x as (select 1) select * from x", "select")]
    [InlineData("-- a comment\nINSERT INTO t VALUES (1)", "insert")]
    [InlineData("UPDATE t SET a = 1", "update")]
    [InlineData("delete from t", "delete")]
    [InlineData("PRAGMA journal_mode = WAL", "other")]
    [InlineData("", "other")]
    public void A_command_is_named_by_its_first_keyword(string sql, string expected) =>
        Assert.Equal(expected, DbCommandTelemetry.Operation(sql));
}
