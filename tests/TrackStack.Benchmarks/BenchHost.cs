using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrackStack.Host;

namespace TrackStack.Benchmarks;

/// <summary>The production host on Kestrel (127.0.0.1, random port) with one signed-in household.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, HttpClient client, Guid householdId, string dataDir)
    {
        App = app;
        Client = client;
        HouseholdId = householdId;
        DataDir = dataDir;
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public Guid HouseholdId { get; }
    public string DataDir { get; }

    /// <param name="extra">More settings ("--TrackStack:Smtp:Host=…").</param>
    /// <param name="verificationToken">With SMTP set up the account verifies its address before signing in: the
    /// token from the verification e-mail.</param>
    public static async Task<BenchHost> StartAsync(string provider, string? connectionString, IReadOnlyList<string>? extra = null, Func<Task<string>>? verificationToken = null)
    {
        var dir = Directory.CreateTempSubdirectory("trackstack-bench-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--TrackStack:DataDir={dir}",
            $"--TrackStack:Database:Provider={provider}",
            "--TrackStack:Auth:PasswordHashIterations=1",
            "--TrackStack:Auth:PasswordHashMemoryKiB=1024",
            "--TrackStack:RateLimits:AuthPerMinute=10000",
            "--TrackStack:Metrics:KeyRequestsPerSecond=100000", // the ingest benchmark measures the ingest, not the limiter
        };
        if (connectionString is not null) args.Add($"--TrackStack:Database:ConnectionString={connectionString}");
        args.AddRange(extra ?? []);
        var app = TrackStackApp.Build([.. args], ModuleCatalog.All, b => b.Logging.ClearProviders());
        await TrackStackApp.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };

        using (var r = await client.PostAsJsonAsync("/api/auth/register", new { email = "bench@example.org", password = "long enough passphrase", displayName = "Bench" })) r.EnsureSuccessStatusCode();
        if (verificationToken is not null)
        {
            using var verified = await client.PostAsJsonAsync("/api/auth/verify-email", new { token = await verificationToken() });
            await Measure.EnsureOkAsync(verified);
        }
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { email = "bench@example.org", password = "long enough passphrase" });
        var access = (await token.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        Guid household = Guid.Empty;
        for (var i = 0; i < 200 && household == Guid.Empty; i++)
        {
            var me = (await client.GetFromJsonAsync<JsonNode>("/api/me"))!;
            var first = me["households"]!.AsArray().FirstOrDefault();
            if (first is not null) household = Guid.Parse(first["id"]!.GetValue<string>());
            else await Task.Delay(50);
        }
        if (household == Guid.Empty) throw new InvalidOperationException("The personal household was not created.");
        return new BenchHost(app, client, household, dir);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
