using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrackStack.BuildingBlocks.Observability;

/// <summary>Times every command a module's DbContext runs, tagged with the module and the statement's first keyword
/// (select, insert, update, delete, other), on both providers alike; and, when spans are recorded, adds a client
/// span per command under the request or event handling that ran it.</summary>
internal sealed class DbCommandTelemetry(string module) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command, CommandExecutedEventData eventData)
    {
        var operation = Operation(command.CommandText);
        if (TrackStackTelemetry.DbCommandDuration.Enabled)
            TrackStackTelemetry.DbCommandDuration.Record(eventData.Duration.TotalSeconds, new TagList { { "module", module }, { "operation", operation } });
        if (!TrackStackTelemetry.Source.HasListeners()) return;
        // The command has run: its span is written afterwards with the measured start and duration (StartActivity is
        // null unless a listener samples it). No statement text: it is the same for every call and long.
        using var span = TrackStackTelemetry.Source.StartActivity($"db {module} {operation}", ActivityKind.Client, Activity.Current?.Context ?? default,
            startTime: eventData.StartTime);
        if (span is null) return;
        span.SetTag("db.system", command.GetType().Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true ? "postgresql" : "sqlite");
        span.SetTag("db.namespace", module);
        span.SetTag("db.operation.name", operation);
        span.SetEndTime(eventData.StartTime.UtcDateTime + eventData.Duration);
    }

    /// <summary>The statement's first keyword; a leading comment or WITH counts as what follows it only roughly
    /// (WITH is "select"), which is what a dashboard needs.</summary>
    internal static string Operation(string sql)
    {
        var span = sql.AsSpan().TrimStart();
        while (span.StartsWith("--"))
        {
            var end = span.IndexOf('\n');
            span = end < 0 ? [] : span[(end + 1)..].TrimStart();
        }
        foreach (var (keyword, name) in Keywords)
        {
            if (span.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) return name;
        }
        return "other";
    }

    private static readonly (string Keyword, string Name)[] Keywords =
        [("SELECT", "select"), ("WITH", "select"), ("INSERT", "insert"), ("UPDATE", "update"), ("DELETE", "delete")];
}
