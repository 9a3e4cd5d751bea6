using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrackStack.Gateway;
using TrackStack.Host;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Gateway;

/// <summary>The real gateway (the host's <c>gateway</c> command's composition) on Kestrel at 127.0.0.1, random port.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private GatewayHost(WebApplication app, Uri baseAddress) => (App, BaseAddress) = (app, baseAddress);

    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    /// <summary><paramref name="modules"/>: module name → service base URL; <paramref name="settings"/> under TrackStack:.</summary>
    public static async Task<GatewayHost> StartAsync(IEnumerable<KeyValuePair<string, Uri>> modules, IDictionary<string, string?>? settings = null)
    {
        var args = new List<string> { "--urls=http://127.0.0.1:0", "--TrackStack:Monitoring:MetricsPort=0" };
        args.AddRange(modules.Select(m => $"--TrackStack:Gateway:Modules:{m.Key}={m.Value}"));
        args.AddRange((settings ?? new Dictionary<string, string?>()).Where(kv => kv.Value is not null).Select(kv => $"--TrackStack:{kv.Key}={kv.Value}"));
        var app = GatewayApp.Build([.. args], ModuleCatalog.All, b => b.Logging.ClearProviders());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new Uri(address));
    }

    public ApiClient CreateClient() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
