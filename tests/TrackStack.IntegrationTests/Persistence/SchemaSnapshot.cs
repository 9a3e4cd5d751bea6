using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TrackStack.IntegrationTests.Persistence;

/// <summary>A provider-neutral description of a database schema (tables, columns, indexes, foreign keys),
/// read from the catalog, so two schemas can be compared line by line.</summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadSqliteAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__trackstack_migrations' ORDER BY name");
        // A full-text table (FTS5) and its shadow tables are the migration's own: EF has no model of them.
        var fullText = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")).Select(t => t[0]).ToList();
        foreach (var table in tables.Select(t => t[0]).Where(t => !fullText.Any(f => t == f || t.StartsWith(f + "_", StringComparison.Ordinal))))
        {
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid"))
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk' ORDER BY name"))
            {
                var cols = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {table}.{i[0]} unique={i[1]} ({string.Join(",", cols.Select(x => x[0]))})");
            }
            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq"))
                lines.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
        }
        return lines;
    }

    public static async Task<IReadOnlyList<string>> ReadPostgresAsync(string connectionString, string schema)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var c in await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable
            FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name <> '__trackstack_migrations'
            ORDER BY table_name, ordinal_position
            """))
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]}");
        foreach (var i in await QueryAsync(connection, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = '{schema}' AND tablename <> '__trackstack_migrations' ORDER BY tablename, indexname"))
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        foreach (var k in await QueryAsync(connection, $"""
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, coalesce(rc.delete_rule, '')
            FROM information_schema.table_constraints tc
            LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.constraint_schema
            WHERE tc.table_schema = '{schema}' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE') AND tc.table_name <> '__trackstack_migrations'
            ORDER BY tc.table_name, tc.constraint_name
            """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]} {k[3]}");
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            rows.Add(row);
        }
        return rows;
    }
}
