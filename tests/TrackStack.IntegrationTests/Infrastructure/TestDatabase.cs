using Npgsql;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>A fresh data dir, and on PostgreSQL a fresh database, for one test. PostgreSQL tests need
/// TRACKSTACK_TEST_POSTGRES (an admin connection string); without it they are skipped, except in CI
/// (TRACKSTACK_REQUIRE_POSTGRES=1) where they fail.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvConnection = "TRACKSTACK_TEST_POSTGRES";
    public const string EnvRequire = "TRACKSTACK_REQUIRE_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string dataDir, string? connectionString, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        DataDir = dataDir;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }
    public string DataDir { get; }
    public string? ConnectionString { get; }
    public bool IsPostgres => Provider == "postgres";

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-test-").FullName;
        if (provider == "sqlite") return new TestDatabase(provider, dir, null, null, null);

        var admin = Environment.GetEnvironmentVariable(EnvConnection);
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (Environment.GetEnvironmentVariable(EnvRequire) == "1")
            {
                throw new InvalidOperationException($"PostgreSQL tests are required here but {EnvConnection} is not set.");
            }
            Assert.Skip($"PostgreSQL is not configured: set {EnvConnection} to run this test on PostgreSQL.");
        }
        var name = "ts_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(provider, dir, cs, admin, name);
    }

    /// <summary>PostgreSQL only: refuses new connections to this test's database and ends the open ones, as when the
    /// server restarts (the pools of this process are cleared too). <see cref="AcceptConnectionsAsync"/> undoes it.</summary>
    public async Task RefuseConnectionsAsync()
    {
        await AdminAsync($"ALTER DATABASE \"{_databaseName}\" CONNECTION LIMIT 0",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_databaseName}' AND pid <> pg_backend_pid()");
        NpgsqlConnection.ClearAllPools();
    }

    public Task AcceptConnectionsAsync() => AdminAsync($"ALTER DATABASE \"{_databaseName}\" CONNECTION LIMIT -1");

    private async Task AdminAsync(params string[] statements)
    {
        if (_adminConnection is null) throw new InvalidOperationException("Only a PostgreSQL test database can refuse connections.");
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            // A background worker (autovacuum) may hold the database for a moment; a leftover test database is
            // harmless, so cleanup retries briefly and never fails the test.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(_adminConnection);
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException)
                {
                    await Task.Delay(300);
                }
            }
        }
        try { Directory.Delete(DataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static class Providers
{
    /// <summary>Both providers: SQLite always, PostgreSQL where configured (see <see cref="TestDatabase"/>).</summary>
    public static TheoryData<string> All => new("sqlite", "postgres");
}
