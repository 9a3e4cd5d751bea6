using System.CommandLine;
using TrackStack.Gateway;

namespace TrackStack.Host.Cli;

/// <summary><c>TrackStack.Host gateway --urls http://0.0.0.0:8080</c>: the reverse proxy in front of the services of the
/// distributed topology, its routes generated from this binary's module catalogue (ADR 32).</summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var gateway = new Command("gateway", "Run the API gateway in front of services started with --modules (routes come from the module catalogue).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        gateway.SetAction(async (r, ct) =>
        {
            var app = GatewayApp.Build([.. r.UnmatchedTokens], ModuleCatalog.All);
            await app.RunAsync();
            return 0;
        });
        return gateway;
    }
}
