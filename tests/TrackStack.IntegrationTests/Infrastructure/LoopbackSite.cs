using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>A small real HTTP server on 127.0.0.1 that a test fills with routes (a recipe site, a fake Open Food
/// Facts), counting the requests it receives.</summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackSite(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackSite> StartAsync(Action<WebApplication> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = new LoopbackSite(builder.Build());
        site._app.Use(async (context, next) => { Interlocked.Increment(ref site._requests); await next(context); });
        routes(site._app);
        await site._app.StartAsync();
        site.BaseUrl = site._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return site;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
