using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>Inserts many rows of one entity type through a single prepared INSERT in the context's current
/// transaction: about ten times faster than change tracking for bulk imports. Values go through EF's own
/// type mappings and value converters, so rows read back exactly as if EF had written them.</summary>
public static class BulkInsert
{
    public static Task<int> BulkInsertAsync<T>(this DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class =>
        InsertAsync(db, rows, skipExisting: false, ct);

    /// <summary>Inserts the rows whose key (primary or any unique index) is not taken yet and skips the others
    /// (INSERT ... ON CONFLICT DO NOTHING, on SQLite and PostgreSQL alike), in the caller's transaction. This is how
    /// defaults that two first requests may both create (a household's budget, a month sheet) are written without a
    /// race: both succeed, one row is stored. Returns how many rows were inserted.</summary>
    public static Task<int> InsertIfMissingAsync<T>(this DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class =>
        InsertAsync(db, rows, skipExisting: true, ct);

    private static async Task<int> InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, bool skipExisting, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction: call Database.BeginTransactionAsync first.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        // The SaveChanges guard of HouseholdDbContext does not see raw inserts: check them here the same way.
        if (db is HouseholdDbContext { ScopedHouseholdId: var scoped } && scoped != Guid.Empty
            && rows.OfType<IHouseholdOwned>().FirstOrDefault(r => r.HouseholdId != scoped) is { } foreign)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} of household {foreign.HouseholdId} was about to be inserted while acting for household {scoped}.");
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();

        var connection = db.Database.GetDbConnection();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        if (connection is Npgsql.NpgsqlConnection npgsql && !skipExisting)
        {
            return await CopyAsync(npgsql, sql, table, properties, mappings, getters, rows.Cast<object>().ToList(), ct);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var names = properties.Select((_, i) => $"p{i}").ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({string.Join(", ", names.Select(n => sql.GenerateParameterNamePlaceholder(n)))})"
            + (skipExisting ? " ON CONFLICT DO NOTHING" : "");

        // Parameters are created once by EF's mapping (provider type, size), then only their values change.
        var parameters = new DbParameter[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var sample = getters[i].GetClrValue(rows.First());
            parameters[i] = mappings[i].CreateParameter(command, sql.GenerateParameterName(names[i]), sample, properties[i].IsNullable);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (value is not null && mappings[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            count += await command.ExecuteNonQueryAsync(ct);
        }
        return count;
    }

    /// <summary>PostgreSQL: binary COPY, the fastest way in (one round trip for all rows instead of one per row).</summary>
    private static async Task<int> CopyAsync(Npgsql.NpgsqlConnection connection, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<IProperty> properties, RelationalTypeMapping[] mappings, IClrPropertyGetter[] getters, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < properties.Count; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (value is not null && mappings[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, mappings[i].StoreType, ct);
            }
        }
        return (int)await writer.CompleteAsync(ct);
    }
}
