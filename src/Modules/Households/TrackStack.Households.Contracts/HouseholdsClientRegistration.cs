using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.Households.Contracts;

public static class HouseholdsClientRegistration
{
    /// <summary>Called by the host after the modules: when the Households module is not in this process,
    /// membership questions go to the Households service at TrackStack__Services__HouseholdsUrl.</summary>
    public static IServiceCollection AddHouseholdsClientIfNeeded(this IServiceCollection services, TrackStackOptions options)
    {
        if (services.Any(d => d.ServiceType == typeof(IHouseholdMembershipQuery))) return services;
        if (string.IsNullOrWhiteSpace(options.Services.HouseholdsUrl)) return services;
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddHttpClient<IHouseholdMembershipQuery, HouseholdsClient>(c =>
        {
            c.BaseAddress = new Uri(options.Services.HouseholdsUrl.TrimEnd('/') + "/");
            c.Timeout = TimeSpan.FromSeconds(5);
        });
        return services;
    }
}
