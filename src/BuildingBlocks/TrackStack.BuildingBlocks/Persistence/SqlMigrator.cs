using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>Applies a module's pending plain-SQL migrations in one transaction and records them in the
/// module's own history table. Refuses to run when an applied script was edited afterwards.
/// Besides the module's own scripts (0001-8999) every module database gets the platform's (9001 and up, the
/// outbox, inbox and household contexts BuildingBlocks owns), recorded in the same history table. They run after the
/// module's first script and before its later ones: a module's 0001 never needs them (the landed ones made their
/// own outbox and inbox, which the platform's IF NOT EXISTS keeps), and a module's 0002+ may rely on them.</summary>
public sealed class SqlMigrator(ILogger<SqlMigrator> logger)
{
    public const string HistoryTable = "__trackstack_migrations";
    public const int FirstPlatformVersion = 9001;

    /// <summary>The scripts of one module database in the order they are applied.</summary>
    public static IReadOnlyList<MigrationScript> ScriptsFor(System.Reflection.Assembly module, DatabaseProvider provider)
    {
        var own = MigrationScript.Load(module, provider);
        if (own.FirstOrDefault(s => s.Version >= FirstPlatformVersion) is { } clash)
        {
            throw new InvalidOperationException($"Migration {clash.Version:D4}_{clash.Name} of {module.GetName().Name} uses a platform version; module migrations are numbered below {FirstPlatformVersion}.");
        }
        var platform = MigrationScript.Load(typeof(SqlMigrator).Assembly, provider);
        return [.. own.Where(s => s.Version == 1), .. platform, .. own.Where(s => s.Version != 1)];
    }

    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(DbContext context, ModuleDatabase database, CancellationToken ct)
    {
        var scripts = ScriptsFor(context.GetType().Assembly, database.Provider);
        var connection = context.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) await connection.OpenAsync(ct);
        try
        {
            var history = database.Provider == DatabaseProvider.Sqlite ? HistoryTable : $"\"{database.Schema}\".{HistoryTable}";
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            }
            else
            {
                await ExecuteAsync(connection, null, $"CREATE SCHEMA IF NOT EXISTS \"{database.Schema}\";", ct);
            }

            await using var tx = await connection.BeginTransactionAsync(ct);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                // Several services may start at once against one database: serialise their migrations.
                await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock(hashtext('trackstack-migrate-{database.Schema}'));", ct);
            }
            await ExecuteAsync(connection, tx,
                $"CREATE TABLE IF NOT EXISTS {history} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at text NOT NULL);", ct);

            var applied = new Dictionary<int, (string Name, string Checksum)>();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = tx;
                read.CommandText = $"SELECT version, name, checksum FROM {history};";
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
                }
            }

            foreach (var (version, (name, checksum)) in applied)
            {
                var script = scripts.FirstOrDefault(s => s.Version == version)
                    ?? throw new InvalidOperationException($"The {database.Module} database has migration {version:D4}_{name}, which this version of TrackStack does not know. Is the database newer than the program?");
                if (!string.Equals(script.Checksum, checksum, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"Migration {version:D4}_{name} of module {database.Module} was changed after it was applied. Add a new migration instead of editing an applied one.");
                }
            }

            var pending = scripts.Where(s => !applied.ContainsKey(s.Version)).ToList();
            foreach (var script in pending)
            {
                await ExecuteAsync(connection, tx, script.Sql.Replace("{schema}", database.Schema, StringComparison.Ordinal), ct);
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = $"INSERT INTO {history} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a);";
                AddParameter(insert, "@v", script.Version);
                AddParameter(insert, "@n", script.Name);
                AddParameter(insert, "@c", script.Checksum);
                AddParameter(insert, "@a", DateTime.UtcNow.ToString("O"));
                await insert.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);

            foreach (var script in pending)
            {
                logger.LogInformation("Applied migration {Version:D4}_{Name} to module {Module}", script.Version, script.Name, database.Module);
            }
            return pending;
        }
        finally
        {
            if (!wasOpen) await connection.CloseAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
