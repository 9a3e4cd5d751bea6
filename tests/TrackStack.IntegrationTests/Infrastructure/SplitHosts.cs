using TrackStack.IntegrationTests.Probe;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>The distributed topology in miniature: a "core" process with every module and a "probe" process that
/// runs only the probe module, sharing the signing key and asking the core over HTTP about households and sessions.</summary>
public sealed class SplitHosts : IAsyncDisposable
{
    private readonly TestDatabase _coreDb;
    private readonly TestDatabase _probeDb;

    private SplitHosts(TestDatabase coreDb, TestHost core, TestDatabase probeDb, TestHost probe)
    {
        (_coreDb, Core, _probeDb, Probe) = (coreDb, core, probeDb, probe);
    }

    public TestHost Core { get; }
    public TestHost Probe { get; }

    /// <summary><paramref name="shared"/> settings go to both processes (a broker, say); <paramref name="configureProbe"/>
    /// may swap services of the probe process only.</summary>
    public static async Task<SplitHosts> StartAsync(IDictionary<string, string?>? probeSettings = null, IDictionary<string, string?>? shared = null,
        Action<WebApplicationBuilder>? configureProbe = null)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var coreDb = await TestDatabase.CreateAsync("sqlite");
        var core = await TestHost.StartAsync(coreDb, new Dictionary<string, string?>(shared ?? new Dictionary<string, string?>()) { ["Auth:SigningKey"] = key });
        var settings = new Dictionary<string, string?>(shared ?? new Dictionary<string, string?>())
        {
            ["Auth:SigningKey"] = key,
            ["Services:HouseholdsUrl"] = core.BaseAddress.ToString(),
            ["Services:IdentityUrl"] = core.BaseAddress.ToString(),
        };
        foreach (var (k, v) in probeSettings ?? new Dictionary<string, string?>()) settings[k] = v;
        var probeDb = await TestDatabase.CreateAsync("sqlite");
        var probe = await TestHost.StartAsync(probeDb, settings, [ProbeModule.Definition], configureProbe);
        return new SplitHosts(coreDb, core, probeDb, probe);
    }

    public async ValueTask DisposeAsync()
    {
        await Probe.DisposeAsync();
        await _probeDb.DisposeAsync();
        await Core.DisposeAsync();
        await _coreDb.DisposeAsync();
    }
}
