using TrackStack.BuildingBlocks.Modules;
using TrackStack.Dashboards;
using TrackStack.Expenses;
using TrackStack.Heating;
using TrackStack.Households;
using TrackStack.Identity;
using TrackStack.Nutrition;
using TrackStack.Metrics;
using TrackStack.Reports;
using TrackStack.Training;

namespace TrackStack.Host;

/// <summary>Every module the host can start; --modules picks a subset (default: all).</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<ModuleDefinition> All { get; } =
    [
        IdentityModule.Definition,
        HouseholdsModule.Definition,
        ExpensesModule.Definition,
        HeatingModule.Definition,
        NutritionModule.Definition,
        MetricsModule.Definition,
        TrainingModule.Definition,
        DashboardsModule.Definition,
        ReportsModule.Definition,
    ];

    /// <summary>Parses "identity,households"; null or empty means all modules.</summary>
    public static IReadOnlyList<ModuleDefinition> Select(string? list)
    {
        if (string.IsNullOrWhiteSpace(list) || list.Trim() == "all") return All;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => All.All(m => !m.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown module(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", All.Select(m => m.Name))}.");
        }
        return All.Where(m => names.Contains(m.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
