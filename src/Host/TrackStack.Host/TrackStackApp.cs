using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.Households.Contracts;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Observability;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.BuildingBlocks.WebApp;

namespace TrackStack.Host;

/// <summary>The composition root: platform services, the chosen modules, OpenAPI and the web app.
/// Used by the CLI and by the integration tests, so both run exactly the same pipeline.</summary>
public static class TrackStackApp
{
    public static WebApplication Build(string[] args, IReadOnlyList<ModuleDefinition> modules, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Catch captive dependencies (a scoped DbContext held by a singleton) in every environment.
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
        builder.Logging.AddTrackStackJsonLogs();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024; // imports raise it per endpoint
        });
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 32 * 1024 * 1024);

        builder.Services.AddTrackStackPlatform(builder.Configuration);
        var started = modules.Select(m => m.Name).ToList();
        builder.Services.AddSingleton(new ModuleSelection(started, IsSubset: ModuleCatalog.All.Any(m => !started.Contains(m.Name))));
        foreach (var module in modules) module.AddServices(builder.Services, builder.Configuration);
        var settings = builder.Configuration.GetSection(TrackStackOptions.Section).Get<TrackStackOptions>() ?? new TrackStackOptions();
        builder.Services.AddTrackStackObservability(builder.Configuration, ServiceName(started));
        builder.AddManagementUrl(settings.Monitoring);
        builder.Services.AddHouseholdsClientIfNeeded(settings);
        TrackStack.Identity.Contracts.RemoteSessionValidityRegistration.AddRemoteSessionValidityIfNeeded(builder.Services, settings);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiInfoTransformer>());
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseTrackStackPlatform();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "TrackStack API");
            o.DocumentTitle = "TrackStack API";
        });
        app.UseTrackStackWebApp();
        foreach (var module in modules) module.MapEndpoints(app);
        app.MapGet("/api", () => Results.Redirect("/api/docs")).ExcludeFromDescription();
        return app;
    }

    /// <summary>"trackstack" for the whole product in one process, "trackstack-expenses" for one module's service.</summary>
    internal static string ServiceName(IReadOnlyList<string> modules) =>
        modules.Count == ModuleCatalog.All.Count ? "trackstack" : "trackstack-" + string.Join('-', modules);

    /// <summary>Checks every setting, the platform's and each module's (throws OptionsValidationException with
    /// every wrong value), and applies pending migrations of each started module. serve, migrate and the operator
    /// commands all come through here, so a wrong value stops each of them the same way.</summary>
    public static Task PrepareAsync(WebApplication app, CancellationToken ct = default) => PrepareAsync(app, null, ct);

    /// <param name="migrated">Called with the module's name after its migrations were checked (start-up timing).</param>
    public static async Task PrepareAsync(WebApplication app, Action<string>? migrated, CancellationToken ct = default)
    {
        _ = app.Services.GetRequiredService<IOptions<TrackStackOptions>>().Value;
        app.Services.GetService<IStartupValidator>()?.Validate();
        foreach (var database in app.Services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(app.Services, ct);
            migrated?.Invoke(database.Module);
        }
    }
}
