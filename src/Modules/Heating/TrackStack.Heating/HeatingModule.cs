using TrackStack.Households.Contracts;
using TrackStack.Heating.Features.AnalyseHeating;
using TrackStack.Heating.Features.ChangeHeatingSettings;
using TrackStack.Heating.Features.CorrectFuelPurchase;
using TrackStack.Heating.Features.CorrectRefill;
using TrackStack.Heating.Features.DeleteFuelPurchase;
using TrackStack.Heating.Features.DeleteRefill;
using TrackStack.Heating.Features.FetchTemperatures;
using TrackStack.Heating.Features.GetHeatingSettings;
using TrackStack.Heating.Features.GetHeatingSummary;
using TrackStack.Heating.Features.GetPurchase;
using TrackStack.Heating.Features.GetRefill;
using TrackStack.Heating.Features.GetStock;
using TrackStack.Heating.Features.ImportTemperatures;
using TrackStack.Heating.Features.ListPurchases;
using TrackStack.Heating.Features.ListRefills;
using TrackStack.Heating.Features.ListTemperatures;
using TrackStack.Heating.Features.LogRefill;
using TrackStack.Heating.Features.RecordFuelPurchase;
using TrackStack.Heating.Features.RecordTemperatures;

namespace TrackStack.Heating;

/// <summary>Home heating: refills, fuel purchases, stock, outdoor temperatures and the degree-day analysis,
/// under /api/households/{householdId}/heating/...</summary>
public static class HeatingModule
{
    public const string Name = "heating";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddHeatingModule(c), a => a.MapHeatingModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name)],
    };

    public static IServiceCollection AddHeatingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HeatingDb>(HeatingDb.Module);
        services.AddHouseholdDataDeletion<HeatingDb>(Name);
        services.AddScoped<TrackStack.Heating.Contracts.IHeatingDigestReader, HeatingDigestReader>();
        services.AddModuleOptions<HeatingOptions>(configuration, HeatingOptions.Section);
        services.AddHttpClient<IWeatherSource, OpenMeteoWeatherSource>((sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<HeatingOptions>>().Value.WeatherTimeoutSeconds));
        return services;
    }

    /// <summary>The order here is the order of the OpenAPI document. Every handler binds householdId, also where the
    /// household filter makes it unneeded: a route parameter the handler does not bind is left out of the document.</summary>
    public static IEndpointRouteBuilder MapHeatingModule(this IEndpointRouteBuilder app)
    {
        var heating = app.MapHouseholdGroup(Name).WithTags("Heating");
        heating.MapGetHeatingSettings();
        heating.MapChangeHeatingSettings();
        heating.MapListRefills();
        heating.MapGetRefill();
        heating.MapLogRefill();
        heating.MapCorrectRefill();
        heating.MapDeleteRefill();
        heating.MapListPurchases();
        heating.MapGetPurchase();
        heating.MapRecordFuelPurchase();
        heating.MapCorrectFuelPurchase();
        heating.MapDeleteFuelPurchase();
        heating.MapListTemperatures();
        heating.MapRecordTemperatures();
        heating.MapImportTemperatures();
        heating.MapFetchTemperatures();
        heating.MapAnalyseHeating();
        heating.MapGetStock();
        heating.MapGetHeatingSummary();
        return app;
    }
}
