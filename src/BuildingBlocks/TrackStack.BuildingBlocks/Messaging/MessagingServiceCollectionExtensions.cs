using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrackStack.BuildingBlocks.Messaging;

public static class MessagingServiceCollectionExtensions
{
    internal static IServiceCollection AddModuleMessaging<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventTransport, InProcessEventTransport>();
        services.AddSingleton<MessagingSignal<TContext>>();
        services.AddSingleton<OutboxSignalInterceptor<TContext>>();
        services.AddSingleton<IInboxStore, InboxStore<TContext>>();
        services.AddSingleton<IModuleMessaging, ModuleMessaging<TContext>>();
        services.AddHostedService<MessagingWorker<TContext>>();
        return services;
    }

    /// <summary>Subscribes a handler of the module that owns <typeparamref name="TContext"/> to an event.
    /// The handler name is stored with each inbox row: keep it stable.</summary>
    public static IServiceCollection AddEventHandler<TContext, TEvent, THandler>(this IServiceCollection services, string handlerName)
        where TContext : DbContext
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        if (services.Any(d => d.ImplementationInstance is EventSubscription s && s.ContextType == typeof(TContext) && s.Handler == handlerName))
        {
            throw new InvalidOperationException($"Two event handlers of {typeof(TContext).Name} are named '{handlerName}'; the inbox tells them apart by name.");
        }
        services.TryAddScoped<THandler>();
        services.AddSingleton(new EventSubscription(
            typeof(TContext),
            EventTypeAttribute.NameOf(typeof(TEvent)),
            typeof(TEvent),
            handlerName,
            (sp, e, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)e, ct)));
        return services;
    }
}
