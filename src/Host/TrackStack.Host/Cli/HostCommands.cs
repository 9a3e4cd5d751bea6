using System.CommandLine;

namespace TrackStack.Host.Cli;

internal static class HostCommands
{
    public static async Task<int> ServeAsync(ParseResult r, Option<string?> modulesOption, CancellationToken ct)
    {
        var timing = new StartupTiming();
        timing.Mark("main");
        var app = TrackStackApp.Build([.. r.UnmatchedTokens], ModuleCatalog.Select(r.GetValue(modulesOption)), timing.TimeHostedServices);
        timing.Mark("built");
        await TrackStackApp.PrepareAsync(app, module => timing.Mark("migrated:" + module), ct);
        timing.LogWhenStarted(app);
        await app.RunAsync();
        return 0;
    }

    public static async Task<int> MigrateAsync(ParseResult r, Option<string?> modulesOption, CancellationToken ct)
    {
        var app = TrackStackApp.Build([.. r.UnmatchedTokens], ModuleCatalog.Select(r.GetValue(modulesOption)));
        await TrackStackApp.PrepareAsync(app, ct);
        Console.WriteLine("Migrations are up to date.");
        return 0;
    }

    /// <summary>Operator and developer commands print their results on stdout; logs (warnings and up) go to stderr.</summary>
    public static void QuietLogs(WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>Every module's services without touching a database (restore: the data it puts back is migrated by the
    /// next start).</summary>
    public static Task<IServiceProvider> ServicesWithoutMigrationsAsync(string[] args, CancellationToken ct)
    {
        var config = args.Where(a => a.StartsWith("--TrackStack", StringComparison.OrdinalIgnoreCase)).ToArray();
        return Task.FromResult(TrackStackApp.Build(config, ModuleCatalog.All, QuietLogs).Services);
    }

    /// <summary>The full service provider for an operator command: every module, migrated, no web server.</summary>
    public static async Task<IServiceProvider> ServicesForCliAsync(string[] args, CancellationToken ct)
    {
        var config = args.Where(a => a.StartsWith("--TrackStack", StringComparison.OrdinalIgnoreCase)).ToArray();
        var app = TrackStackApp.Build(config, ModuleCatalog.All, QuietLogs);
        await TrackStackApp.PrepareAsync(app, ct);
        return app.Services;
    }
}
