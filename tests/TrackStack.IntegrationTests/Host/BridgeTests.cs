using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Npgsql;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>The data bridge as an operator runs it: a SQLite monolith with data in every module → <c>backup</c> →
/// <c>import-backup --into distributed</c> into a database per module → a host on those databases answers every
/// list and summary GET of the API exactly as the monolith did, and no event of the old history is sent again.</summary>
public sealed partial class BridgeTests
{
    private static readonly string[] Modules = ["dashboards", "expenses", "heating", "households", "identity", "metrics", "nutrition", "reports", "training"];

    /// <summary>Endpoints the comparison cannot call, and why: secrets mailed to people (invite and unsubscribe
    /// tokens), sign-in redirects to an outside provider, and routine days (no routine is made).</summary>
    private static readonly string[] Skipped = ["{token}", "{provider}", "/external/complete", "/api/reports/unsubscribe", "{routineId", "{day"];

    /// <summary>The SQLite monolith (the real bridge) and a PostgreSQL one (a schema per module, dumped with pg_dump).</summary>
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_monolith_imported_into_a_postgres_database_per_module_answers_the_same(string monolithProvider)
    {
        var targets = new List<TestDatabase>();
        foreach (var _ in Modules) targets.Add(await TestDatabase.CreateAsync("postgres")); // skips without PostgreSQL
        await using var monolith = await TestDatabase.CreateAsync(monolithProvider);
        var monolithEnv = monolith.IsPostgres
            ? new Dictionary<string, string> { ["TrackStack__Database__Provider"] = "postgres", ["TrackStack__Database__ConnectionString"] = monolith.ConnectionString! }
            : null;
        try
        {
            var strings = Modules.Zip(targets).ToDictionary(p => p.First, p => p.Second.ConnectionString!);
            var env = new Dictionary<string, string> { ["TrackStack__Database__Provider"] = "postgres" };
            foreach (var (module, cs) in strings) env[$"TrackStack__Database__ModuleConnectionStrings__{module}"] = cs;
            var serviceDir = targets[0].DataDir;

            var (before, cookies, skipped) = await SnapshotMonolithAsync(monolith);
            var backups = Directory.CreateTempSubdirectory("trackstack-bridge-").FullName;
            var backup = await HostCli.RunAsync(monolith.DataDir, ["backup", "--to", backups], env: monolithEnv);
            Assert.True(backup.Code == 0, backup.Error);
            var archive = Assert.Single(Directory.GetFiles(backups, "*.tar.gz"));

            var import = await HostCli.RunAsync(serviceDir, ["import-backup", archive, "--into", "distributed"], env: env);
            Assert.True(import.Code == 0, import.Error + import.Output);
            Assert.Contains("identity: ", import.Output);
            Assert.Contains("    users: 2", import.Output);
            Assert.Contains("    workouts: 1", import.Output);
            Assert.Contains("the row counts match the backup", import.Output);

            // A second import into the same databases is refused and changes nothing.
            var again = await HostCli.RunAsync(serviceDir, ["import-backup", archive, "--into", "distributed"], env: env);
            Assert.Equal(2, again.Code);
            Assert.Contains("already holds data", again.Error);
            Assert.Contains("--force", again.Error);

            Assert.Equal(0, await CountAsync(strings, "outbox_messages", "status IN (0, 3)"));
            var inboxBefore = await CountAsync(strings, "inbox_messages", "true");
            var sentBefore = await CountAsync(strings, "outbox_messages", "true");
            Assert.True(sentBefore > 0);

            var settings = new Dictionary<string, string?> { ["Database:Provider"] = "postgres" };
            foreach (var (module, cs) in strings) settings[$"Database:ModuleConnectionStrings:{module}"] = cs;
            await using (var services = await TestHost.StartAsync(targets[0], settings))
            {
                using var ada = services.CreateClient();
                foreach (Cookie cookie in cookies) ada.Cookies.Add(cookie); // the same session: the keys came along
                var after = await CallAsync(ada, before.Keys);
                var differences = before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key}\n  monolith: {b.Value}\n  services: {after[b.Key]}").ToList();
                Assert.True(differences.Count == 0, $"{differences.Count} of {before.Count} GET endpoints answer differently:\n" + string.Join("\n", differences));
                Assert.True(before.Count > 60, $"Only {before.Count} endpoints were compared; skipped: {string.Join(", ", skipped)}");

                // And through the gateway in front of them: the same answers.
                await using (var gateway = await Gateway.GatewayHost.StartAsync(TrackStack.Host.ModuleCatalog.All.Select(m => KeyValuePair.Create(m.Name, services.BaseAddress))))
                {
                    using var viaGateway = new ApiClient(gateway.BaseAddress);
                    foreach (Cookie cookie in cookies) viaGateway.Cookies.Add(cookie);
                    var through = await CallAsync(viaGateway, before.Keys);
                    var gatewayDifferences = before.Where(b => through[b.Key] != b.Value).Select(b => $"{b.Key}\n  monolith: {b.Value}\n  gateway: {through[b.Key]}").ToList();
                    Assert.True(gatewayDifferences.Count == 0, $"{gatewayDifferences.Count} of {before.Count} GET endpoints answer differently through the gateway:\n" + string.Join("\n", gatewayDifferences));
                }

                // The relay runs (50 ms polls): nothing old is published again, so no inbox gets a row.
                await Task.Delay(1500);
                Assert.Equal(inboxBefore, await CountAsync(strings, "inbox_messages", "true"));
                Assert.Equal(0, await CountAsync(strings, "outbox_messages", "status IN (0, 3)"));
            }
        }
        finally
        {
            foreach (var target in targets) await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_sqlite_monolith_imports_into_sqlite_files_of_services_with_their_own_data_dirs()
    {
        await using var monolith = await TestDatabase.CreateAsync("sqlite");
        var (before, cookies, _) = await SnapshotMonolithAsync(monolith);
        var backups = Directory.CreateTempSubdirectory("trackstack-bridge-").FullName;
        var backup = await HostCli.RunAsync(monolith.DataDir, ["backup", "--to", backups]);
        Assert.True(backup.Code == 0, backup.Error);
        var archive = Assert.Single(Directory.GetFiles(backups, "*.tar.gz"));

        // One service imports expenses only; a second run brings the rest into the same data dir.
        await using var services = await TestDatabase.CreateAsync("sqlite");
        var one = await HostCli.RunAsync(services.DataDir, ["import-backup", archive, "--into", "distributed", "--modules", "expenses"]);
        Assert.True(one.Code == 0, one.Error);
        Assert.Contains("  expenses: ", one.Output);
        Assert.DoesNotContain("  identity: ", one.Output);
        Assert.Equal(["expenses.db"], Directory.GetFiles(services.DataDir, "*.db").Select(Path.GetFileName));
        var rest = await HostCli.RunAsync(services.DataDir, ["import-backup", archive, "--into", "distributed", "--modules", string.Join(',', Modules.Where(m => m != "expenses"))]);
        Assert.True(rest.Code == 0, rest.Error);

        await using var host = await TestHost.StartAsync(services);
        using var ada = host.CreateClient();
        foreach (Cookie cookie in cookies) ada.Cookies.Add(cookie);
        var after = await CallAsync(ada, before.Keys);
        var differences = before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key}\n  monolith: {b.Value}\n  services: {after[b.Key]}").ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_written()
    {
        await using var monolith = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-bridge-").FullName;
        await using (var host = await TestHost.StartAsync(monolith))
        {
            await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
        }
        var backup = await HostCli.RunAsync(monolith.DataDir, ["backup", "--to", backups]);
        Assert.True(backup.Code == 0, backup.Error);
        var archive = Assert.Single(Directory.GetFiles(backups, "*.tar.gz"));
        await using var target = await TestDatabase.CreateAsync("sqlite");

        var notArchive = Path.Combine(backups, "notes.tar.gz");
        await File.WriteAllTextAsync(notArchive, "not a backup");
        var cases = new (string[] Args, IReadOnlyDictionary<string, string>? Env, string Message)[]
        {
            (["import-backup", notArchive, "--into", "distributed"], null, "not a readable TrackStack backup"),
            (["import-backup", Path.Combine(backups, "missing.tar.gz"), "--into", "distributed"], null, "is not a file"),
            (["import-backup", archive, "--into", "distributed", "--modules", "gardening"], null, "has no module 'gardening'"),
            (["import-backup", archive, "--into", "distributed"], new Dictionary<string, string>
            {
                ["TrackStack__Database__Provider"] = "postgres",
                ["TrackStack__Database__ModuleConnectionStrings__identity"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x",
            }, "TrackStack__Database__ModuleConnectionStrings__dashboards"),
        };
        foreach (var (args, env, message) in cases)
        {
            var run = await HostCli.RunAsync(target.DataDir, args, env: env);
            Assert.True(run.Code == 2, $"{string.Join(' ', args)}: {run.Code} {run.Error}");
            Assert.Contains(message, run.Error);
            Assert.DoesNotContain("   at ", run.Error);
            Assert.Empty(Directory.GetFiles(target.DataDir, "*.db"));
            Assert.Empty(Directory.GetDirectories(target.DataDir));
        }
        var wrongInto = await HostCli.RunAsync(target.DataDir, ["import-backup", archive, "--into", "monolith"]);
        Assert.NotEqual(0, wrongInto.Code);
        Assert.Empty(Directory.GetFiles(target.DataDir, "*.db"));

        // A changed snapshot inside a well-formed archive fails its checksum before anything is written.
        var unpacked = Directory.CreateTempSubdirectory("trackstack-unpacked-").FullName;
        await using (var input = File.OpenRead(archive))
        await using (var gzip = new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress))
            await System.Formats.Tar.TarFile.ExtractToDirectoryAsync(gzip, unpacked, overwriteFiles: false);
        await File.AppendAllTextAsync(Path.Combine(unpacked, "sqlite", "expenses.db"), "tampered");
        var tampered = Path.Combine(backups, "tampered.tar.gz");
        await using (var output = File.Create(tampered))
        await using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            await System.Formats.Tar.TarFile.CreateFromDirectoryAsync(unpacked, gzip, includeBaseDirectory: false);
        var damaged = await HostCli.RunAsync(target.DataDir, ["import-backup", tampered, "--into", "distributed"]);
        Assert.Equal(2, damaged.Code);
        Assert.Contains("sqlite/expenses.db differs from its manifest", damaged.Error);
        Assert.Empty(Directory.GetFiles(target.DataDir, "*.db"));
    }

    /// <summary>Seeds the monolith, waits until its events are delivered, and reads every GET endpoint it can fill.</summary>
    private static async Task<(Dictionary<string, string> Answers, CookieCollection Cookies, List<string> Skipped)> SnapshotMonolithAsync(TestDatabase db)
    {
        await using var host = await TestHost.StartAsync(db);
        var (ada, routes) = await BridgeData.SeedAsync(host);
        await WaitForDeliveryAsync(db);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true);
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal)) continue; // the web app, health, metrics, OpenAPI
            if (Skipped.Any(s => pattern.Contains(s, StringComparison.Ordinal)))
            {
                skipped.Add(pattern);
                continue;
            }
            var path = RouteParameter().Replace(pattern, m => routes.TryGetValue(m.Groups[1].Value, out var v) ? v : "MISSING:" + m.Groups[1].Value);
            Assert.DoesNotContain("MISSING:", path);
            paths.Add(path);
        }
        var answers = await CallAsync(ada, paths);
        var cookies = ada.Cookies.GetAllCookies();
        return (answers, cookies, skipped);
    }

    private static async Task<Dictionary<string, string>> CallAsync(ApiClient client, IEnumerable<string> paths)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            answers[path] = $"{(int)response.StatusCode} {Normalize(body)}";
        }
        return answers;
    }

    /// <summary>JSON without what differs between any two servers (a problem's traceId), instants at PostgreSQL's
    /// precision (microseconds; SQLite keeps .NET's 100 ns ticks) and decimals without trailing zeros (numeric(5,2)
    /// reads back as 60.00 on PostgreSQL, 60.0 on SQLite: the same value).</summary>
    private static string Normalize(string body)
    {
        JsonNode? json;
        try { json = JsonNode.Parse(body); }
        catch (System.Text.Json.JsonException) { return body; }
        if (json is JsonObject problem) problem.Remove("traceId");
        var text = Decimal().Replace(json?.ToJsonString() ?? "null", m => m.Value.TrimEnd('0').TrimEnd('.'));
        return Instant().Replace(text, m =>
            DateTimeOffset.Parse(m.Value, CultureInfo.InvariantCulture) is var at
                ? new DateTimeOffset(at.Ticks - at.Ticks % 10, at.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)
                : m.Value);
    }

    private static async Task WaitForDeliveryAsync(TestDatabase db)
    {
        const string Pending = "SELECT (SELECT count(*) FROM {0}outbox_messages WHERE status IN (0, 3)) + (SELECT count(*) FROM {0}inbox_messages WHERE status = 0)";
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            long pending = 0;
            foreach (var module in Modules)
            {
                await using System.Data.Common.DbConnection connection = db.IsPostgres
                    ? new NpgsqlConnection(db.ConnectionString)
                    : new SqliteConnection($"Data Source={Path.Combine(db.DataDir, module + ".db")};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pending, db.IsPostgres ? $"\"{module}\"." : "");
                pending += (long)(await command.ExecuteScalarAsync())!;
            }
            if (pending == 0) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{pending} event(s) stayed undelivered in the monolith.");
            await Task.Delay(100);
        }
    }

    private static async Task<long> CountAsync(Dictionary<string, string> modules, string table, string where)
    {
        long total = 0;
        foreach (var (module, cs) in modules)
        {
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{module}\".{table} WHERE {where}", connection);
            total += (long)(await command.ExecuteScalarAsync())!;
        }
        return total;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"(?<=[:\[,])-?\d+\.\d+(?=[,}\]])")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Instant();
}
