using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TrackStack.Metrics.Infrastructure;

/// <summary>Adds a batch's aggregates to the stored rollups: one prepared INSERT ... ON CONFLICT DO UPDATE,
/// executed per rollup row in the caller's transaction (rows in key order, so concurrent batches on PostgreSQL
/// lock in the same order). Values go through EF's type mappings, as BulkInsert does.</summary>
internal static class RollupStore
{
    private static readonly string[] Columns =
    [
        nameof(Rollup.HouseholdId), nameof(Rollup.SeriesId), nameof(Rollup.Resolution), nameof(Rollup.BucketStart),
        nameof(Rollup.ValueCount), nameof(Rollup.ValueSum), nameof(Rollup.ValueMin), nameof(Rollup.ValueMax),
        nameof(Rollup.LastAt), nameof(Rollup.LastValue),
    ];

    public static Task UpsertAsync(MetricsDb db, IReadOnlyList<Rollup> rows, CancellationToken ct) => WriteAsync(db, rows, replace: false, ct);

    /// <summary>Stores recomputed rollups over whatever the rows held (built-in series recompute their buckets).</summary>
    public static Task ReplaceAsync(MetricsDb db, IReadOnlyList<Rollup> rows, CancellationToken ct) => WriteAsync(db, rows, replace: true, ct);

    private static async Task WriteAsync(MetricsDb db, IReadOnlyList<Rollup> rows, bool replace, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Rollups are written inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(Rollup))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Columns.Select(c => entity.FindProperty(c)!).ToArray();
        string Col(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        string Old(string property) => postgres ? $"{sql.DelimitIdentifier(table.Name)}.{Col(property)}" : Col(property);
        string New(string property) => $"excluded.{Col(property)}";
        var (least, greatest) = postgres ? ("LEAST", "GREATEST") : ("min", "max");

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var names = properties.Select((_, i) => $"p{i}").ToArray();
        var conflict = $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(p => Col(p.Name)))}) " +
            $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))}) " +
            $"ON CONFLICT ({Col(nameof(Rollup.SeriesId))}, {Col(nameof(Rollup.Resolution))}, {Col(nameof(Rollup.BucketStart))}) DO UPDATE SET ";
        string[] aggregates = [nameof(Rollup.ValueCount), nameof(Rollup.ValueSum), nameof(Rollup.ValueMin), nameof(Rollup.ValueMax), nameof(Rollup.LastValue), nameof(Rollup.LastAt)];
        command.CommandText = replace
            ? conflict + string.Join(", ", aggregates.Select(a => $"{Col(a)} = {New(a)}"))
            : conflict +
            $"{Col(nameof(Rollup.ValueCount))} = {Old(nameof(Rollup.ValueCount))} + {New(nameof(Rollup.ValueCount))}, " +
            $"{Col(nameof(Rollup.ValueSum))} = {Old(nameof(Rollup.ValueSum))} + {New(nameof(Rollup.ValueSum))}, " +
            $"{Col(nameof(Rollup.ValueMin))} = {least}({Old(nameof(Rollup.ValueMin))}, {New(nameof(Rollup.ValueMin))}), " +
            $"{Col(nameof(Rollup.ValueMax))} = {greatest}({Old(nameof(Rollup.ValueMax))}, {New(nameof(Rollup.ValueMax))}), " +
            $"{Col(nameof(Rollup.LastValue))} = CASE WHEN {New(nameof(Rollup.LastAt))} >= {Old(nameof(Rollup.LastAt))} THEN {New(nameof(Rollup.LastValue))} ELSE {Old(nameof(Rollup.LastValue))} END, " +
            $"{Col(nameof(Rollup.LastAt))} = CASE WHEN {New(nameof(Rollup.LastAt))} >= {Old(nameof(Rollup.LastAt))} THEN {New(nameof(Rollup.LastAt))} ELSE {Old(nameof(Rollup.LastAt))} END";

        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var parameters = new DbParameter[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            parameters[i] = mappings[i].CreateParameter(command, sql.GenerateParameterName(names[i]), getters[i].GetClrValue(rows[0]), nullable: false);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (value is not null && mappings[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
