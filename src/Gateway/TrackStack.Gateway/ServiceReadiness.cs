using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrackStack.Gateway;

/// <summary><c>/health/ready</c> of the gateway: one health check per distinct service, each asking that service's own
/// <c>/health/ready</c>. The health check service runs them in parallel, each with the configured timeout; one that is not
/// healthy makes the answer 503. Checks are named by the modules the service runs, never by its (internal) address.</summary>
internal static class ServiceReadiness
{
    public const string HttpClientName = "gateway-health";
    public const string Tag = "ready";

    public static IServiceCollection AddServiceReadiness(this IServiceCollection services, GatewayOptions options)
    {
        services.AddHttpClient(HttpClientName)
            // Services are on the internal network: an HTTP(S)_PROXY meant for the outside must not carry these calls.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        var checks = services.AddHealthChecks();
        var timeout = TimeSpan.FromSeconds(options.HealthTimeoutSeconds);
        foreach (var service in options.Modules.GroupBy(m => m.Value.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            var name = string.Join(",", service.Select(m => m.Key).Order(StringComparer.OrdinalIgnoreCase));
            var ready = new Uri(service.Key + "/health/ready");
            checks.Add(new HealthCheckRegistration(name, sp => new ServiceReadyCheck(sp.GetRequiredService<IHttpClientFactory>(), ready),
                HealthStatus.Unhealthy, [Tag], timeout));
        }
        return services;
    }

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            services = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, JsonSerializerOptions.Web);
    }

    private sealed class ServiceReadyCheck(IHttpClientFactory clients, Uri ready) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                using var response = await clients.CreateClient(HttpClientName).GetAsync(ready, HttpCompletionOption.ResponseHeadersRead, ct);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"answered {(int)response.StatusCode}");
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("did not answer in time");
            }
            catch (HttpRequestException)
            {
                // The exception names the internal address: it stays out of the public answer.
                return HealthCheckResult.Unhealthy("not reachable");
            }
        }
    }
}
