using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Backups;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Email;
using TrackStack.BuildingBlocks.Http;
using TrackStack.BuildingBlocks.Messaging.RabbitMq;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.BuildingBlocks;

public static class PlatformExtensions
{
    /// <summary>Everything the modules share: validated settings, token authentication, anti-CSRF,
    /// problem details, rate limits, e-mail and health checks.</summary>
    public static IServiceCollection AddTrackStackPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrackStackOptions>().Bind(configuration.GetSection(TrackStackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackStackOptions>, TrackStackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<HouseholdScope>();
        services.AddMemoryCache();
        services.AddSingleton<TrackStack.BuildingBlocks.Caching.ReadModelCache>();
        services.AddTrackStackBackups(configuration);

        services.AddTrackStackAuthentication();
        var dataDir = configuration[$"{TrackStackOptions.Section}:DataDir"] ?? new TrackStackOptions().DataDir;
        services.AddDataProtection()
            .SetApplicationName("TrackStack")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataDir), "keys", "data-protection")));

        services.AddTrustedProxies(configuration[$"{TrackStackOptions.Section}:TrustedProxies"]);
        services.AddProblemDetails();
        services.AddExceptionHandler<ConflictExceptionHandler>();
        services.AddExceptionHandler<SessionEndedExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Numbers are numbers: the web defaults also accept "12" for 12, which made the OpenAPI document
            // say `number | string` for every numeric field and let clients send either.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.TypeInfoResolver = o.SerializerOptions.TypeInfoResolver?.WithAddedModifier(NulFreeStrings.Check);
        });

        services.AddTrackStackEmail();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.Auth, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<TrackStackOptions>>().Value.RateLimits.AuthPerMinute;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = RateLimitRejection.WriteAsync;
        });

        services.AddTrackStackResponseCompression();
        services.AddHealthChecks();
        services.AddRabbitMqTransportIfConfigured(configuration);
        return services;
    }

    /// <summary>The shared middleware pipeline, in order.</summary>
    public static WebApplication UseTrackStackPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseTrackStackMetricsEndpoint();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHttpHardening();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<XsrfMiddleware>();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteHealthAsync,
        });
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), durationMs = e.Value.Duration.TotalMilliseconds }),
        });
    }
}
