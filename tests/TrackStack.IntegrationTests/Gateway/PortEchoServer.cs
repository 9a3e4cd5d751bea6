using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TrackStack.IntegrationTests.Gateway;

/// <summary>One Kestrel listening on several loopback ports that answers every request with the port it came in on:
/// a stand-in for that many services, so a test can tell which one the gateway chose.</summary>
public sealed class PortEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PortEchoServer(WebApplication app, IReadOnlyList<Uri> addresses) => (_app, Addresses) = (app, addresses);

    public IReadOnlyList<Uri> Addresses { get; }

    public static async Task<PortEchoServer> StartAsync(int ports)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var i = 0; i < ports; i++) k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(http => http.Response.WriteAsync(http.Connection.LocalPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new PortEchoServer(app, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
