using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Heating.Features.Analysis;
using TrackStack.Heating.Features.Purchases;
using TrackStack.Heating.Features.Refills;
using TrackStack.Heating.Features.Settings;
using TrackStack.Heating.Features.Summary;
using TrackStack.Heating.Features.Temperatures;
using TrackStack.Heating.Infrastructure;
using TrackStack.Heating.Weather;

namespace TrackStack.Heating;

/// <summary>Home heating: refills, fuel purchases, stock, outdoor temperatures and the degree-day analysis,
/// under /api/households/{householdId}/heating/...</summary>
public static class HeatingModule
{
    public const string Name = "heating";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddHeatingModule(c), a => a.MapHeatingModule());

    public static IServiceCollection AddHeatingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HeatingDb>(HeatingDb.Module);
        services.AddModuleOptions<HeatingOptions>(configuration, HeatingOptions.Section);
        services.AddHttpClient<IWeatherSource, OpenMeteoWeatherSource>((sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<HeatingOptions>>().Value.WeatherTimeoutSeconds));
        return services;
    }

    public static IEndpointRouteBuilder MapHeatingModule(this IEndpointRouteBuilder app)
    {
        var heating = app.MapHouseholdGroup(Name).WithTags("Heating");
        heating.MapSettings();
        heating.MapRefills();
        heating.MapPurchases();
        heating.MapTemperatures();
        heating.MapAnalysis();
        heating.MapSummary();
        return app;
    }
}
