using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Observability;

/// <summary>OpenTelemetry metrics (Prometheus text at <c>/metrics</c>) and traces (OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set). See docs/adr/0024-observability.md.</summary>
public static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>Buckets for a service whose reads take 1–20 ms: fine steps there, coarse ones up to 10 s.</summary>
    internal static readonly double[] LatencyBuckets =
        [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IServiceCollection AddTrackStackObservability(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddSingleton<OutboxGauges>();
        if (!configuration.GetValue($"{TrackStackOptions.Section}:Monitoring:Instrumentation", true)) return services;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var version = typeof(ObservabilityExtensions).Assembly.GetName().Version?.ToString();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: version))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddMeter(TrackStackTelemetry.Name);
                foreach (var histogram in (string[])["http.server.request.duration", "http.client.request.duration", "trackstack.db.command.duration", "trackstack.events.handling.duration"])
                {
                    m.AddView(histogram, new ExplicitBucketHistogramConfiguration { Boundaries = LatencyBuckets });
                }
                m.AddPrometheusExporter();
            });
        // Spans are recorded only when something exports them: a recorded span per request, HTTP call and event that
        // nobody reads cost a quarter of the throughput of a cached read in the benchmark. Without an exporter the
        // request still has its trace id (ASP.NET Core's own activity): log lines and X-Correlation-Id carry it.
        if (otlp)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsInfrastructure(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(TrackStackTelemetry.Name)
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary>Adds the management port's URL to the ones Kestrel listens on (when it has one).</summary>
    public static void AddManagementUrl(this WebApplicationBuilder builder, MonitoringOptions monitoring)
    {
        if (monitoring.MetricsPort <= 0 || !IPAddress.TryParse(monitoring.MetricsAddress, out var address)) return;
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        var urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls)) urls = "http://localhost:5000";
        builder.WebHost.UseUrls($"{urls};http://{host}:{monitoring.MetricsPort}");
    }

    /// <summary><c>/metrics</c> on the management port, or on the main port when allowed, with the bearer token when
    /// one is set; anything else on the management port is a 404. Goes first, so scrapes are not request-logged.</summary>
    public static IApplicationBuilder UseTrackStackMetricsEndpoint(this IApplicationBuilder app)
    {
        var monitoring = app.ApplicationServices.GetRequiredService<IOptions<TrackStackOptions>>().Value.Monitoring;
        if (!monitoring.Instrumentation) return app;
        var token = monitoring.MetricsToken is { Length: > 0 } t ? Encoding.UTF8.GetBytes("Bearer " + t) : null;
        bool OnManagementPort(HttpContext http) => monitoring.MetricsPort > 0 && http.Connection.LocalPort == monitoring.MetricsPort;

        app.Use(async (http, next) =>
        {
            var scrape = http.Request.Path.Equals(MetricsPath, StringComparison.Ordinal);
            var management = OnManagementPort(http);
            if (management && !scrape)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (!scrape || !(management || monitoring.MetricsOnMainPort))
            {
                await next(http);
                return;
            }
            if (token is not null && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), token))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            await next(http);
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path.Equals(MetricsPath, StringComparison.Ordinal) && (OnManagementPort(http) || monitoring.MetricsOnMainPort));
        return app;
    }

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
