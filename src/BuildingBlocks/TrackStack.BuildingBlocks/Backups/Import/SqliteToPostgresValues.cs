using System.Globalization;
using System.Text;
using System.Text.Json;
using NpgsqlTypes;

namespace TrackStack.BuildingBlocks.Backups.Import;

/// <summary>How a value read from a SQLite snapshot becomes one of the target PostgreSQL column's type, chosen once per
/// column from the target's catalog (<c>udt_name</c>), never per table: EF Core on SQLite keeps Guids, instants,
/// dates and decimals as text, booleans as 0/1 and primitive collections as JSON arrays.</summary>
internal static class SqliteToPostgresValues
{
    public sealed record Writer(NpgsqlDbType Type, Func<object, object> Convert);

    public static Writer For(string table, string column, string udtName) => udtName switch
    {
        "uuid" => new(NpgsqlDbType.Uuid, v => ToGuid(v)),
        "timestamptz" => new(NpgsqlDbType.TimestampTz, v => ToInstant(v).UtcDateTime),
        "timestamp" => new(NpgsqlDbType.Timestamp, v => DateTime.SpecifyKind(ToInstant(v).UtcDateTime, DateTimeKind.Unspecified)),
        "date" => new(NpgsqlDbType.Date, v => DateOnly.Parse(Text(v)[..10], CultureInfo.InvariantCulture)),
        "time" => new(NpgsqlDbType.Time, v => TimeOnly.Parse(Text(v), CultureInfo.InvariantCulture)),
        "interval" => new(NpgsqlDbType.Interval, v => TimeSpan.Parse(Text(v), CultureInfo.InvariantCulture)),
        "bool" => new(NpgsqlDbType.Boolean, v => v is string s ? s is "1" or "true" or "True" : System.Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0),
        "int2" => new(NpgsqlDbType.Smallint, v => System.Convert.ToInt16(v, CultureInfo.InvariantCulture)),
        "int4" => new(NpgsqlDbType.Integer, v => System.Convert.ToInt32(v, CultureInfo.InvariantCulture)),
        "int8" => new(NpgsqlDbType.Bigint, v => System.Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        "float4" => new(NpgsqlDbType.Real, v => System.Convert.ToSingle(v, CultureInfo.InvariantCulture)),
        "float8" => new(NpgsqlDbType.Double, v => System.Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        "numeric" => new(NpgsqlDbType.Numeric, v => v is string s ? decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : System.Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
        "text" or "varchar" or "bpchar" or "citext" or "name" => new(NpgsqlDbType.Text, v => Text(v)),
        "json" => new(NpgsqlDbType.Json, v => Text(v)),
        "jsonb" => new(NpgsqlDbType.Jsonb, v => Text(v)),
        "bytea" => new(NpgsqlDbType.Bytea, v => v as byte[] ?? Encoding.UTF8.GetBytes(Text(v))),
        "_text" or "_varchar" => new(NpgsqlDbType.Array | NpgsqlDbType.Text, v => JsonArray<string>(v)),
        "_uuid" => new(NpgsqlDbType.Array | NpgsqlDbType.Uuid, v => JsonArray<Guid>(v)),
        "_int4" => new(NpgsqlDbType.Array | NpgsqlDbType.Integer, v => JsonArray<int>(v)),
        "_int8" => new(NpgsqlDbType.Array | NpgsqlDbType.Bigint, v => JsonArray<long>(v)),
        "_float8" => new(NpgsqlDbType.Array | NpgsqlDbType.Double, v => JsonArray<double>(v)),
        _ => throw new BackupException($"The column {table}.{column} has the PostgreSQL type {udtName}, which the import cannot fill from SQLite yet."),
    };

    private static string Text(object v) => v as string ?? System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";

    private static Guid ToGuid(object v) => v is byte[] { Length: 16 } bytes ? new Guid(bytes) : Guid.Parse(Text(v));

    /// <summary>EF Core writes "2026-12-02 03:00:00.1234567" (DateTime, UTC by the model's convention) or with
    /// "+00:00" (DateTimeOffset); text without an offset is UTC.</summary>
    private static DateTimeOffset ToInstant(object v) =>
        DateTimeOffset.Parse(Text(v), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static T[] JsonArray<T>(object v) => JsonSerializer.Deserialize<T[]>(Text(v)) ?? [];
}
