using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.Host;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>The real host (same composition root as production) on Kestrel at 127.0.0.1 with a random port,
/// on a real SQLite file or PostgreSQL database.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, Uri baseAddress, CapturedLogs logs)
    {
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<TestHost> StartAsync(
        TestDatabase db,
        IDictionary<string, string?>? settings = null,
        IReadOnlyList<ModuleDefinition>? modules = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["DataDir"] = db.DataDir,
            ["Database:Provider"] = db.Provider,
            ["Database:ConnectionString"] = db.ConnectionString,
            ["PublicBaseUrl"] = "http://localhost:8080",
            // Cheap hashing keeps the suite fast; production defaults are tested in the unit tests.
            ["Auth:PasswordHashIterations"] = "1",
            ["Auth:PasswordHashMemoryKiB"] = "1024",
            ["Messaging:PollMilliseconds"] = "50",
            ["Messaging:RetryBaseMilliseconds"] = "20",
            ["RateLimits:AuthPerMinute"] = "10000",
            // Many hosts run at once: none takes the fixed management port unless a test asks for it.
            ["Monitoring:MetricsPort"] = "0",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var args = new List<string> { "--urls=http://127.0.0.1:0" };
        args.AddRange(all.Where(kv => kv.Value is not null).Select(kv => $"--TrackStack:{kv.Key}={kv.Value}"));

        var logs = new CapturedLogs();
        var app = TrackStackApp.Build([.. args], modules ?? ModuleCatalog.All, b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
            configure?.Invoke(b);
        });
        await TrackStackApp.PrepareAsync(app);
        await app.StartAsync();
        // With a management port (a test that asks for one) the API's address is the other one.
        var management = all.GetValueOrDefault("Monitoring:MetricsPort") is { } p && p != "0" ? ":" + p : null;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => management is null || !a.EndsWith(management, StringComparison.Ordinal));
        return new TestHost(app, new Uri(address), logs);
    }

    public ApiClient CreateClient() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
