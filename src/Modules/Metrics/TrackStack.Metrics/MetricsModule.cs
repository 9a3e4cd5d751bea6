using TrackStack.BuildingBlocks.Http;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Expenses.Contracts;
using TrackStack.Heating.Contracts;
using TrackStack.Households.Contracts;
using TrackStack.Metrics.Features.KeepBuiltInSeries;
using TrackStack.Nutrition.Contracts;
using TrackStack.Training.Contracts;
using TrackStack.Metrics.Features.ChangeAlertRule;
using TrackStack.Metrics.Features.ChangeProduct;
using TrackStack.Metrics.Features.CreateAlertRule;
using TrackStack.Metrics.Features.CreateApiKey;
using TrackStack.Metrics.Features.CreateProduct;
using TrackStack.Metrics.Features.DeleteAlertRule;
using TrackStack.Metrics.Features.DeleteProduct;
using TrackStack.Metrics.Features.EvaluateAlerts;
using TrackStack.Metrics.Features.GetAlertRule;
using TrackStack.Metrics.Features.GetProduct;
using TrackStack.Metrics.Features.ImportAwsCosts;
using TrackStack.Metrics.Features.IngestPoints;
using TrackStack.Metrics.Features.ListAlertFirings;
using TrackStack.Metrics.Features.ListAlertRules;
using TrackStack.Metrics.Features.ListApiKeys;
using TrackStack.Metrics.Features.ListMetrics;
using TrackStack.Metrics.Features.ListProducts;
using TrackStack.Metrics.Features.ListTagValues;
using TrackStack.Metrics.Features.PurgeExpiredPoints;
using TrackStack.Metrics.Features.QueryMetrics;
using TrackStack.Metrics.Features.RevokeApiKey;
using TrackStack.Metrics.Features.TestAlertRule;
using TrackStack.Metrics.Features.WriteLineProtocol;

namespace TrackStack.Metrics;

/// <summary>Custom KPIs: products with API keys, ingest as JSON (/api/ingest) and InfluxDB line protocol
/// (/api/v2/write, /write), rollups kept on ingest, and queries in the household's time zone, under
/// /api/households/{householdId}/metrics/..., and alert rules on the series evaluated on a schedule (ADR 27).</summary>
public static class MetricsModule
{
    public const string Name = "metrics";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddMetricsModule(c), a => a.MapMetricsModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name), new("/api/metrics"), new("/api/ingest", EdgeLimit.Ingest), new("/api/v2/write", EdgeLimit.Ingest), new("/write", EdgeLimit.Ingest)],
        Commands = [services => ImportAwsCostsCommand.Create(services)],
    };

    public static IServiceCollection AddMetricsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MetricsDb>(MetricsDb.Module);
        services.AddHouseholdDataDeletion<MetricsDb>(Name);
        // Key-authenticated queries have no session to carry the household's time zone.
        services.AddHouseholdContextProjection<MetricsDb>(Name);
        services.AddModuleOptions<MetricsOptions>(configuration, MetricsOptions.Section);
        services.AddKeyRateLimit();
        services.AddScoped<BuiltInSeries>();
        services.AddScoped<TrackStack.Metrics.Contracts.IMetricsReader, MetricsReader>();
        services.AddScoped<AwsCostImport>();
        services.AddEventHandler<MetricsDb, EntryRecorded, ExpenseSeries>(ExpenseSeries.Recorded);
        services.AddEventHandler<MetricsDb, EntryChanged, ExpenseSeries>(ExpenseSeries.Changed);
        services.AddEventHandler<MetricsDb, EntryDeleted, ExpenseSeries>(ExpenseSeries.Deleted);
        services.AddEventHandler<MetricsDb, MonthIncomeSet, ExpenseSeries>(ExpenseSeries.Income);
        services.AddEventHandler<MetricsDb, HeatingDaysChanged, HeatingSeries>(HeatingSeries.DaysChanged);
        services.AddEventHandler<MetricsDb, MealLogged, NutritionSeries>(NutritionSeries.Logged);
        services.AddEventHandler<MetricsDb, MealChanged, NutritionSeries>(NutritionSeries.Changed);
        services.AddEventHandler<MetricsDb, MealDeleted, NutritionSeries>(NutritionSeries.Deleted);
        services.AddEventHandler<MetricsDb, WorkoutCompleted, TrainingSeries>(TrainingSeries.Completed);
        services.AddEventHandler<MetricsDb, WorkoutChanged, TrainingSeries>(TrainingSeries.Changed);
        services.AddEventHandler<MetricsDb, WorkoutDeleted, TrainingSeries>(TrainingSeries.Deleted);
        services.AddSingleton<PurgeExpiredPoints>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeExpiredPoints>());
        services.AddSingleton<AlertSecrets>();
        services.AddSingleton<AlertWebhooks>();
        services.AddSingleton<AlertEvaluator>();
        services.AddHostedService<EvaluateAlerts>();
        services.AddHttpClient(AlertWebhooks.ClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<MetricsOptions>>().Value.AlertWebhookTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp =>
                AddressGuard.Handler(sp.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowPrivateWebhookAddresses, TimeSpan.FromSeconds(5)));
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsModule(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapHouseholdGroup(Name).WithTags("Metrics");
        metrics.MapListProducts();
        metrics.MapGetProduct();
        metrics.MapCreateProduct();
        metrics.MapChangeProduct();
        metrics.MapDeleteProduct();
        metrics.MapListApiKeys();
        metrics.MapCreateApiKey();
        metrics.MapRevokeApiKey();
        metrics.MapQueryMetrics();
        metrics.MapListMetrics();
        metrics.MapListTagValues();
        metrics.MapImportAwsCosts();
        metrics.MapListAlertRules();
        metrics.MapGetAlertRule();
        metrics.MapCreateAlertRule();
        metrics.MapChangeAlertRule();
        metrics.MapDeleteAlertRule();
        metrics.MapListAlertFirings();
        metrics.MapTestAlertRule();

        var ingest = app.MapKeyGroup(KeyScopes.Ingest);
        ingest.MapIngestPoints();
        ingest.MapWriteLineProtocol();
        app.MapKeyGroup(KeyScopes.Read).MapQueryMetricsWithKey();
        return app;
    }
}
