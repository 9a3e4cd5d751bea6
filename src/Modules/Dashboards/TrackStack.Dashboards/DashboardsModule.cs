using TrackStack.Households.Contracts;
using TrackStack.Dashboards.Features.CreateDashboard;
using TrackStack.Dashboards.Features.DeleteDashboard;
using TrackStack.Dashboards.Features.ExportDashboard;
using TrackStack.Dashboards.Features.GetDashboard;
using TrackStack.Dashboards.Features.ImportDashboard;
using TrackStack.Dashboards.Features.ListDashboards;
using TrackStack.Dashboards.Features.ListTemplates;
using TrackStack.Dashboards.Features.ReplaceDashboard;

namespace TrackStack.Dashboards;

/// <summary>Dashboards of widgets over the household's metrics, under /api/households/{householdId}/dashboards/...
/// Only definitions are stored; the web app runs each widget's query against the Metrics query API.</summary>
public static class DashboardsModule
{
    public const string Name = "dashboards";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddDashboardsModule(c), a => a.MapDashboardsModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name)],
    };

    public static IServiceCollection AddDashboardsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<DashboardsDb>(DashboardsDb.Module);
        services.AddHouseholdDataDeletion<DashboardsDb>(Name);
        services.AddScoped<TrackStack.Dashboards.Contracts.IDashboardReader, DashboardReader>();
        return services;
    }

    /// <summary>The order here is the order of the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapDashboardsModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapHouseholdGroup(Name).WithTags("Dashboards");
        group.MapListDashboards();
        group.MapListTemplates();
        group.MapCreateDashboard();
        group.MapImportDashboard();
        group.MapGetDashboard();
        group.MapReplaceDashboard();
        group.MapDeleteDashboard();
        group.MapExportDashboard();
        return app;
    }
}
