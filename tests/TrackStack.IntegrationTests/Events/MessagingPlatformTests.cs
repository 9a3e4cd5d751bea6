using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Host;
using TrackStack.Households.Infrastructure;
using TrackStack.Identity.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Probe;
using static TrackStack.IntegrationTests.Events.EventDeliveryTests;

namespace TrackStack.IntegrationTests.Events;

/// <summary>The messaging BuildingBlocks owns: claimed delivery across replicas, held events in a module subset,
/// retention, and the platform's own migrations in every module database.</summary>
public sealed class MessagingPlatformTests
{
    private static readonly IReadOnlyList<BuildingBlocks.Modules.ModuleDefinition> WithProbe = [.. ModuleCatalog.All, ProbeModule.Definition];

    /// <summary>Two replicas of every module on one database: each relay and worker claims its rows first, so every
    /// event is published and every handler runs exactly once, not once per replica.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_hosts_on_one_database_handle_each_event_exactly_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var shared = new Dictionary<string, string?> { ["Auth:SigningKey"] = Convert.ToBase64String(new byte[48]), ["Messaging:PollMilliseconds"] = "10" };
        await using var a = await TestHost.StartAsync(db, shared, WithProbe);
        await using var b = await TestHost.StartAsync(db, shared, WithProbe);
        const int users = 24;
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            (await Accounts.RegisterAsync(i % 2 == 0 ? a : b, $"replica{i}@example.org")).Client.Dispose());

        await WaitUntilAsync(async () =>
        {
            await using var scope = a.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProbeDb>().Seen.CountAsync() == users
                   && await scope.ServiceProvider.GetRequiredService<HouseholdsDb>().Households.CountAsync(h => h.IsPersonal) == users;
        }, seconds: 60);
        await Task.Delay(500); // a duplicate handling would show up now

        var calls = a.Services.GetRequiredService<ProbeBehaviour>().Calls + b.Services.GetRequiredService<ProbeBehaviour>().Calls;
        Assert.Equal(users, calls);
        await using var check = a.Services.CreateAsyncScope();
        var identity = check.ServiceProvider.GetRequiredService<IdentityDb>();
        Assert.All(await identity.Set<OutboxMessage>().ToListAsync(), m => Assert.Equal((MessageStatus.Done, 1, null), (m.Status, m.Attempts, m.LockedBy)));
        Assert.Equal(users, await check.ServiceProvider.GetRequiredService<ProbeDb>().Set<InboxMessage>().CountAsync(m => m.Status == MessageStatus.Done && m.Attempts == 1));
    }

    /// <summary>Identity alone on the in-process transport cannot reach the Households service: its event is held, not
    /// marked delivered, and goes out once a process runs every module.</summary>
    [Fact]
    public async Task A_module_subset_on_the_in_process_transport_holds_its_events_instead_of_losing_them()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        Guid userId;
        await using (var identityOnly = await TestHost.StartAsync(db, modules: ModuleCatalog.Select("identity")))
        {
            (_, userId) = await Accounts.RegisterAsync(identityOnly, "held@example.org");
            var identity = identityOnly.Services.GetServices<IModuleMessaging>().Single(m => m.Module == "identity");
            await WaitUntilAsync(async () => (await identity.ListAsync(false, CancellationToken.None)).Any(m => m.Status == MessageStatus.Held));
            await Task.Delay(300);
            var row = Assert.Single(await identity.ListAsync(false, CancellationToken.None));
            Assert.Equal(MessageStatus.Held, row.Status);
            Assert.Contains(identityOnly.Logs.Entries, l => l.Message.Contains("TrackStack__Messaging__Transport", StringComparison.Ordinal));
        }

        await using var all = await TestHost.StartAsync(db);
        var client = await Accounts.LoginAsync(all, "held@example.org");
        await Accounts.WaitForPersonalHouseholdAsync(client);
        await using var scope = all.Services.CreateAsyncScope();
        Assert.Equal(MessageStatus.Done, (await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().SingleAsync()).Status);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<HouseholdsDb>().Households.CountAsync(h => h.CreatedBy == userId));
    }

    [Fact]
    public async Task Delivered_and_handled_messages_are_deleted_after_the_retention_period()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using (var first = await TestHost.StartAsync(db))
        {
            var (client, _) = await Accounts.RegisterAsync(first, "retention@example.org");
            await Accounts.WaitForPersonalHouseholdAsync(client);
            await WaitUntilAsync(async () =>
            {
                await using var scope = first.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<HouseholdsDb>().Set<InboxMessage>().AnyAsync(m => m.Status == MessageStatus.Done);
            });
            // Age one delivered row and one handled row beyond the retention; keep a recent one of each.
            await using var age = first.Services.CreateAsyncScope();
            var identity = age.ServiceProvider.GetRequiredService<IdentityDb>();
            var households = age.ServiceProvider.GetRequiredService<HouseholdsDb>();
            var old = DateTime.UtcNow.AddDays(-3);
            await identity.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, old));
            await households.Set<InboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, old));
        }

        await using var restarted = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:RetentionDays"] = "2" });
        await WaitUntilAsync(async () =>
        {
            await using var scope = restarted.Services.CreateAsyncScope();
            return !await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().AnyAsync(m => m.Status == MessageStatus.Done)
                   && !await scope.ServiceProvider.GetRequiredService<HouseholdsDb>().Set<InboxMessage>().AnyAsync(m => m.Status == MessageStatus.Done);
        });
        // Households' own outbox rows (HouseholdCreated, MemberJoined) are recent and stay.
        await using var check = restarted.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<HouseholdsDb>().Set<OutboxMessage>().AnyAsync(m => m.Status == MessageStatus.Done));
    }

    /// <summary>A module added after BuildingBlocks owned messaging ships only its own tables; the platform's
    /// migrations give its database the outbox, inbox and household contexts, recorded in the same history table.</summary>
    [Fact]
    public async Task The_platform_migrations_give_a_new_module_its_messaging_tables()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var host = await TestHost.StartAsync(db, modules: WithProbe);
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        var tables = await ReadAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'probe' ORDER BY 1");
        Assert.Equal(["__trackstack_migrations", "household_contexts", "inbox_messages", "outbox_messages", "probe_items", "probe_seen"], tables);
        var versions = await ReadAsync(connection, "SELECT version::text FROM probe.__trackstack_migrations ORDER BY version");
        Assert.Equal(["1", "9001", "9002", "9003", "9004", "9005"], versions);
    }

    /// <summary>A database made by the landed 0001 migrations (the previous release) upgrades in place: its rows, a
    /// pending outbox row and Expenses' household profiles among them, survive, and it ends up with exactly the schema
    /// of a new one.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_database_of_the_previous_release_upgrades_in_place(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var app = TrackStackApp.Build(
            [$"--TrackStack:DataDir={db.DataDir}", $"--TrackStack:Database:Provider={db.Provider}", $"--TrackStack:Database:ConnectionString={db.ConnectionString}"],
            ModuleCatalog.All, b => b.Logging.ClearProviders());
        var pending = Guid.NewGuid();
        // Only the modules that release had: a module added since starts from its own 0001 and the platform's 9001 on.
        var previousRelease = app.Services.GetServices<IModuleDatabase>().Where(m => PreviousReleaseModules.Contains(m.Module)).ToList();
        Assert.Equal(PreviousReleaseModules.Length, previousRelease.Count);
        foreach (var module in previousRelease)
        {
            await using var connection = Open(module.Database);
            await connection.OpenAsync();
            var first = MigrationScript.Load(module.ContextType.Assembly, module.Database.Provider).Single(s => s.Version == 1);
            await ExecuteAsync(connection, module.Database.Provider == DatabaseProvider.Postgres ? $"CREATE SCHEMA \"{module.Database.Schema}\"; SET search_path TO \"{module.Database.Schema}\";" : "SELECT 1");
            await ExecuteAsync(connection, first.Sql);
            await ExecuteAsync(connection, $"CREATE TABLE {History(module.Database)} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at text NOT NULL); " +
                                           $"INSERT INTO {History(module.Database)} VALUES (1, '{first.Name}', '{first.Checksum}', '2026-11-01T00:00:00Z');");
            var id = module.Database.Provider == DatabaseProvider.Sqlite ? pending.ToString().ToUpperInvariant() : pending.ToString();
            var at = module.Database.Provider == DatabaseProvider.Sqlite ? "'2026-11-01 10:00:00'" : "'2026-11-01 10:00:00+00'";
            await ExecuteAsync(connection, $"INSERT INTO {Table(module.Database, "outbox_messages")} (id, type, payload, occurred_at, status, attempts, next_attempt_at) VALUES ('{id}', 'test.nobody-listens.v1', '{{}}', {at}, 0, 0, {at})");
            if (module.Module == "expenses")
            {
                await ExecuteAsync(connection, $"INSERT INTO {Table(module.Database, "household_profiles")} (household_id, time_zone, currency, locale) VALUES ('{id}', 'Europe/Zurich', 'CHF', 'de-CH')");
            }
        }

        foreach (var module in previousRelease)
        {
            var applied = await module.MigrateAsync(app.Services, CancellationToken.None);
            Assert.Contains(applied, s => s.Version == 9001);
            await using var scope = app.Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var row = await context.Set<OutboxMessage>().SingleAsync(m => m.Id == pending);
            Assert.Equal((MessageStatus.Pending, null, null), (row.Status, row.LockedBy, row.LockedUntil));
            Assert.Empty(await module.MigrateAsync(app.Services, CancellationToken.None));
            if (module.Module == "expenses")
            {
                // The profiles Expenses kept move into the shared household contexts.
                var moved = await context.GetHouseholdContextAsync(pending, CancellationToken.None);
                Assert.Equal(("Europe/Zurich", "CHF", "de-CH"), (moved.TimeZone, moved.Currency, moved.Locale));
            }
        }

        // The upgraded databases have exactly the schema of new ones.
        await using var fresh = await TestDatabase.CreateAsync(provider);
        var freshApp = TrackStackApp.Build(
            [$"--TrackStack:DataDir={fresh.DataDir}", $"--TrackStack:Database:Provider={fresh.Provider}", $"--TrackStack:Database:ConnectionString={fresh.ConnectionString}"],
            ModuleCatalog.All, b => b.Logging.ClearProviders());
        foreach (var module in freshApp.Services.GetServices<IModuleDatabase>().Where(m => PreviousReleaseModules.Contains(m.Module)))
        {
            await module.MigrateAsync(freshApp.Services, CancellationToken.None);
            var upgraded = app.Services.GetServices<IModuleDatabase>().Single(m => m.Module == module.Module).Database;
            var expected = await SnapshotAsync(module.Database, fresh);
            var actual = await SnapshotAsync(upgraded, db);
            Assert.True(expected.Order().SequenceEqual(actual.Order()), $"Module {module.Module} differs after the upgrade:\n  {string.Join("\n  ", expected.Except(actual).Concat(actual.Except(expected)))}");
        }
    }

    /// <summary>The modules of the release before the platform's messaging tables (9001) existed.</summary>
    private static readonly string[] PreviousReleaseModules = ["identity", "households", "expenses", "heating"];

    private static Task<IReadOnlyList<string>> SnapshotAsync(ModuleDatabase database, TestDatabase db) =>
        db.IsPostgres ? Persistence.SchemaSnapshot.ReadPostgresAsync(db.ConnectionString!, database.Schema) : Persistence.SchemaSnapshot.ReadSqliteAsync(database.ConnectionString);

    private static DbConnection Open(ModuleDatabase database) =>
        database.Provider == DatabaseProvider.Sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);

    private static string History(ModuleDatabase database) => Table(database, SqlMigrator.HistoryTable);

    private static string Table(ModuleDatabase database, string table) =>
        database.Provider == DatabaseProvider.Sqlite ? table : $"\"{database.Schema}\".{table}";

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
