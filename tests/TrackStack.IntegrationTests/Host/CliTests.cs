using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>The operator commands, run as a real process of the built host.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Wrong_settings_stop_the_host_with_a_message_naming_each_one()
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-cli-").FullName;
        var (code, _, error) = await RunAsync(dir, ["migrate"], new()
        {
            ["TrackStack__Database__Provider"] = "Oracle",
            ["TrackStack__PublicBaseUrl"] = "not a url",
            ["TrackStack__Auth__SigningKey"] = "c2hvcnQ=",
        });
        Assert.Equal(2, code);
        Assert.Contains("TrackStack__Database__Provider: 'Oracle' is not supported", error);
        Assert.Contains("TrackStack__PublicBaseUrl", error);
        Assert.Contains("TrackStack__Auth__SigningKey", error);
        Assert.False(File.Exists(Path.Combine(dir, "identity.db")));
    }

    [Fact]
    public async Task Wrong_module_settings_stop_migrate_as_well_as_serve()
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-cli-").FullName;
        var (code, _, error) = await RunAsync(dir, ["migrate"], new()
        {
            ["TrackStack__Expenses__RecurringIntervalMinutes"] = "0",
            ["TrackStack__Heating__OpenMeteoUrl"] = "ftp://weather",
        });
        Assert.Equal(2, code);
        Assert.Contains("TrackStack__Expenses__RecurringIntervalMinutes: must be between 1 and 1440", error);
        Assert.Contains("TrackStack__Heating__OpenMeteoUrl: must be an absolute http(s) URL", error);
        Assert.False(File.Exists(Path.Combine(dir, "expenses.db")));
    }

    [Fact]
    public async Task Unknown_modules_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-cli-").FullName;
        var (code, _, error) = await RunAsync(dir, ["migrate", "--modules", "identity,spaceships"]);
        Assert.Equal(2, code);
        Assert.Contains("Unknown module(s): spaceships", error);
    }

    [Fact]
    public async Task Operators_create_list_and_reset_users_and_the_server_accepts_them()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var (code, output, error) = await RunAsync(db.DataDir, ["users", "create", "--email", "admin@example.org", "--name", "Admin"]);
        Assert.True(code == 0, error);
        var generated = output.Split('\n').Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..].Trim();

        (code, output, _) = await RunAsync(db.DataDir, ["users", "list"]);
        Assert.Equal(0, code);
        Assert.Contains("admin@example.org", output);
        Assert.Contains("1 account(s).", output);

        (code, _, error) = await RunAsync(db.DataDir, ["users", "create", "--email", "admin@example.org"]);
        Assert.Equal(1, code);
        Assert.Contains("already exists", error);

        await using (var host = await TestHost.StartAsync(db))
        {
            (await Accounts.LoginAsync(host, "admin@example.org", generated)).Dispose();
        }

        (code, output, error) = await RunAsync(db.DataDir, ["users", "reset-password", "--email", "admin@example.org", "--password-stdin"], stdin: "operator chosen passphrase\n");
        Assert.True(code == 0, error);
        await using (var host = await TestHost.StartAsync(db))
        {
            (await Accounts.LoginAsync(host, "admin@example.org", "operator chosen passphrase")).Dispose();
        }
    }

    [Fact]
    public async Task Operators_import_aws_costs_into_a_households_built_in_series()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        ApiClient owner;
        Guid home;
        await using (var host = await TestHost.StartAsync(db))
        {
            (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
            home = await Accounts.CreateHouseholdAsync(owner, "Home", "UTC");
        }
        var file = TrackStack.Tests.Fixtures.PathOf("aws-costs/cost-explorer-by-service.csv");

        var (code, output, error) = await RunAsync(db.DataDir, ["metrics", "import-aws-costs", file, "--household", home.ToString()]);
        Assert.True(code == 0, error);
        Assert.Contains("Imported 2 day(s) and 3 service(s) from 2026-11-01 to 2026-11-02: 0.07 USD.", output);

        (code, _, error) = await RunAsync(db.DataDir, ["metrics", "import-aws-costs", file + ".missing", "--household", home.ToString()]);
        Assert.Equal(1, code);
        Assert.Contains("No file at", error);
        (code, _, error) = await RunAsync(db.DataDir, ["metrics", "import-aws-costs", file, "--household", Guid.NewGuid().ToString()]);
        Assert.Equal(1, code);
        Assert.Contains("No household with the id", error);
        var garbage = Path.Combine(db.DataDir, "garbage.csv");
        await File.WriteAllTextAsync(garbage, "when,what\n2026-11-01,x\n");
        (code, _, error) = await RunAsync(db.DataDir, ["metrics", "import-aws-costs", garbage, "--household", home.ToString()]);
        Assert.Equal(1, code);
        Assert.Contains("line_item_unblended_cost", error);

        await using (var host = await TestHost.StartAsync(db))
        {
            using var client = await Accounts.LoginAsync(host, "owner@example.org", Accounts.Password);
            var costs = await client.GetJsonAsync($"/api/households/{home}/metrics/query?metric=infra.cost&from=2026-11-01&to=2026-11-03&bucket=month");
            Assert.Equal(0.0684, costs["series"]![0]!["points"]![0]!["value"]!.GetValue<double>(), 6);
        }
    }

    [Fact]
    public async Task Events_list_shows_what_is_waiting()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using (var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:RelayEnabled"] = "false" }))
        {
            (await Accounts.RegisterAsync(host, "queued@example.org")).Client.Dispose();
        }
        var (code, output, error) = await RunAsync(db.DataDir, ["events", "list"], env: new() { ["TrackStack__Messaging__RelayEnabled"] = "false" });
        Assert.True(code == 0, error);
        Assert.Contains("identity.user-registered.v1", output);
        Assert.Contains("1 message(s).", output);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(string dataDir, string[] args, Dictionary<string, string>? env = null, string? stdin = null) =>
        HostCli.RunAsync(dataDir, args, stdin, env);
}
