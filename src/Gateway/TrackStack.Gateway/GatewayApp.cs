using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Http;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Observability;
using TrackStack.BuildingBlocks.WebApp;

namespace TrackStack.Gateway;

/// <summary>The gateway of the distributed topology (ADR 32): one YARP reverse proxy in front of the services, its route
/// table generated from the module catalogue, serving the web app, aggregating readiness and limiting per client at the
/// edge. It holds no module code and no database; the host's <c>gateway</c> command starts it.</summary>
public static class GatewayApp
{
    public const string ServiceName = "trackstack-gateway";

    public static WebApplication Build(string[] args, IReadOnlyList<ModuleDefinition> catalogue, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddTrackStackJsonLogs();
        // YARP logs each proxied request with its full URL at Information, query strings (tokens) included.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Each service limits its own endpoints (1 MB, raised per import): a second, different limit here would turn
            // their 413 problem details into a cut connection.
            k.Limits.MaxRequestBodySize = null;
        });

        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var validator = new GatewayOptionsValidator(catalogue);
        if (validator.Validate(null, options) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(GatewayOptions.Section, typeof(GatewayOptions), invalid.Failures);
        }
        var table = GatewayRouteTable.Build(catalogue, options);

        var services = builder.Services;
        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.Section));
        services.AddSingleton<IValidateOptions<GatewayOptions>>(validator);
        // The platform's settings that apply here too (trusted proxies, monitoring, the web root), checked the same way.
        services.AddOptions<TrackStackOptions>().Bind(builder.Configuration.GetSection(TrackStackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackStackOptions>, TrackStackOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RequestActivities>();
        services.AddTrustedProxies(builder.Configuration[$"{TrackStackOptions.Section}:TrustedProxies"]);
        services.AddProblemDetails();
        services.AddEdgeRateLimits();
        services.AddServiceReadiness(options);
        services.AddTrackStackObservability(builder.Configuration, ServiceName);
        var settings = builder.Configuration.GetSection(TrackStackOptions.Section).Get<TrackStackOptions>() ?? new TrackStackOptions();
        builder.AddManagementUrl(settings.Monitoring);
        services.AddReverseProxy()
            .LoadFromMemory(table.Routes, table.Clusters)
            .AddTransforms(CorrelationIdTransform.Add);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Services.GetRequiredService<RequestActivities>();
        foreach (var module in catalogue.Where(m => !options.Modules.ContainsKey(m.Name)))
        {
            app.Logger.LogWarning("The {Module} module has no service (TrackStack__Gateway__Modules__{Module}); its paths answer 503", module.Name, module.Name);
        }
        app.UseForwardedHeaders();
        app.UseTrackStackMetricsEndpoint();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseTrackStackWebApp();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ServiceReadiness.Tag),
            ResponseWriter = ServiceReadiness.WriteAsync,
        });
        app.MapReverseProxy(proxy => proxy.Use(UnreachableServices.AnswerAsync));
        app.MapUnconfiguredModules(table.Unconfigured);
        // Below every route: an API path no module claims is a 404 problem, not the web app's page.
        app.MapFallback("/api/{**path}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: "No TrackStack service answers this path."));
        return app;
    }
}
