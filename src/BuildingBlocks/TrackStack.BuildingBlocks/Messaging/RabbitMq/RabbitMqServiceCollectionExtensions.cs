using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Messaging.RabbitMq;

internal static class RabbitMqServiceCollectionExtensions
{
    /// <summary>With TrackStack__Messaging__Transport=RabbitMq, the broker replaces the in-process transport (which the
    /// modules register only if no transport is there yet); otherwise nothing changes.</summary>
    public static IServiceCollection AddRabbitMqTransportIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection($"{TrackStackOptions.Section}:Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        if (!settings.UsesRabbitMq) return services;
        services.AddSingleton<RabbitMqConnections>();
        services.AddSingleton<RabbitMqEventTransport>();
        services.AddSingleton<IEventTransport>(sp => sp.GetRequiredService<RabbitMqEventTransport>());
        services.AddHostedService<RabbitMqConsumers>();
        services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>("rabbitmq", tags: ["ready"]);
        return services;
    }
}
