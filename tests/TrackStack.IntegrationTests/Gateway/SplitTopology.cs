using TrackStack.BuildingBlocks.Modules;
using TrackStack.Host;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Gateway;

/// <summary>Three real services behind the real gateway: identity + households in one, expenses in another, heating in a
/// third, sharing the signing key and asking the first one about households and sessions. Each service records what
/// reached it. The other modules have no service, so the gateway answers 503 for them.</summary>
public sealed class SplitTopology : IAsyncLifetime
{
    private readonly List<TestDatabase> _databases = [];

    public Service Core { get; private set; } = null!;
    public Service Expenses { get; private set; } = null!;
    public Service Heating { get; private set; } = null!;
    public GatewayHost Gateway { get; private set; } = null!;

    public sealed record Service(TestHost Host, RequestRecorder Recorder);

    public IEnumerable<KeyValuePair<string, Uri>> Modules =>
    [
        new("identity", Core.Host.BaseAddress), new("households", Core.Host.BaseAddress),
        new("expenses", Expenses.Host.BaseAddress), new("heating", Heating.Host.BaseAddress),
    ];

    public async ValueTask InitializeAsync()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        Core = await StartAsync(ModuleCatalog.Select("identity,households"), new() { ["Auth:SigningKey"] = key });
        var remote = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = key,
            ["Services:HouseholdsUrl"] = Core.Host.BaseAddress.ToString(),
            ["Services:IdentityUrl"] = Core.Host.BaseAddress.ToString(),
        };
        Expenses = await StartAsync(ModuleCatalog.Select("expenses"), remote);
        Heating = await StartAsync(ModuleCatalog.Select("heating"), remote);
        Gateway = await GatewayHost.StartAsync(Modules);
    }

    private async Task<Service> StartAsync(IReadOnlyList<ModuleDefinition> modules, Dictionary<string, string?> settings)
    {
        var db = await TestDatabase.CreateAsync("sqlite");
        _databases.Add(db);
        var recorder = new RequestRecorder();
        return new Service(await TestHost.StartAsync(db, settings, modules, recorder.AddTo), recorder);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in new[] { Heating, Expenses, Core }) await service.Host.DisposeAsync();
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
