using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Host;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    public static TheoryData<string, string> ModulesAndProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in ModuleCatalog.All.Select(m => m.Name))
        {
            data.Add(module, "sqlite");
            data.Add(module, "postgres");
        }
        return data;
    }

    /// <summary>Fails when someone changes an entity without a migration (or a migration without the entity):
    /// the schema the migrations build must equal the schema EF would create from the model.</summary>
    [Theory]
    [MemberData(nameof(ModulesAndProviders))]
    public async Task Migrations_build_exactly_the_schema_of_the_model(string module, string provider)
    {
        await using var migratedDb = await TestDatabase.CreateAsync(provider);
        await using var modelDb = await TestDatabase.CreateAsync(provider);
        var migrated = BuildApp(migratedDb, module);
        var fromModel = BuildApp(modelDb, module);

        var applied = await migrated.Services.GetServices<IModuleDatabase>().Single().MigrateAsync(migrated.Services, CancellationToken.None);
        Assert.NotEmpty(applied);

        var handle = fromModel.Services.GetServices<IModuleDatabase>().Single();
        await using (var scope = fromModel.Services.CreateAsyncScope())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(handle.ContextType);
            await context.Database.EnsureCreatedAsync();
        }

        var expected = await ReadAsync(handle.Database, modelDb);
        var actual = await ReadAsync(migrated.Services.GetServices<IModuleDatabase>().Single().Database, migratedDb);
        Assert.NotEmpty(expected);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema drift in module {module} on {provider}.\nIn the model but not built by the migrations:\n  {string.Join("\n  ", missing)}\nBuilt by the migrations but not in the model:\n  {string.Join("\n  ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrating_from_empty_then_again_applies_each_script_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var app = BuildApp(db, null);
        var first = 0;
        foreach (var database in app.Services.GetServices<IModuleDatabase>()) first += (await database.MigrateAsync(app.Services, CancellationToken.None)).Count;
        Assert.True(first >= ModuleCatalog.All.Count);
        foreach (var database in app.Services.GetServices<IModuleDatabase>()) Assert.Empty(await database.MigrateAsync(app.Services, CancellationToken.None));
    }

    [Fact]
    public async Task An_edited_migration_stops_the_start_with_a_clear_message()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var app = BuildApp(db, "households");
        var database = app.Services.GetServices<IModuleDatabase>().Single();
        await database.MigrateAsync(app.Services, CancellationToken.None);
        await using (var connection = new SqliteConnection(database.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE __trackstack_migrations SET checksum = 'tampered' WHERE version = 1";
            await command.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.MigrateAsync(app.Services, CancellationToken.None));
        Assert.Contains("was changed after it was applied", error.Message);
    }

    [Fact]
    public async Task Sqlite_files_use_wal_one_file_per_module()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        foreach (var module in ModuleCatalog.All.Select(m => m.Name))
        {
            var file = Path.Combine(db.DataDir, $"{module}.db");
            Assert.True(File.Exists(file), $"{file} is missing");
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Postgres_keeps_each_module_in_its_own_schema()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var host = await TestHost.StartAsync(db);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_schema FROM information_schema.tables WHERE table_name = '__trackstack_migrations' ORDER BY 1", connection);
        var schemas = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        Assert.Equal(ModuleCatalog.All.Select(m => m.Name).Order(), schemas);
    }

    private static WebApplication BuildApp(TestDatabase db, string? module) =>
        TrackStackApp.Build(
            [$"--TrackStack:DataDir={db.DataDir}", $"--TrackStack:Database:Provider={db.Provider}", $"--TrackStack:Database:ConnectionString={db.ConnectionString}"],
            ModuleCatalog.Select(module),
            b => b.Logging.ClearProviders());

    private static Task<IReadOnlyList<string>> ReadAsync(ModuleDatabase database, TestDatabase db) =>
        db.IsPostgres ? SchemaSnapshot.ReadPostgresAsync(db.ConnectionString!, database.Schema) : SchemaSnapshot.ReadSqliteAsync(database.ConnectionString);
}
