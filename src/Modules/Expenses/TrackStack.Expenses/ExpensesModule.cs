using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Modules;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses.Features.Categories;
using TrackStack.Expenses.Features.Checklist;
using TrackStack.Expenses.Features.Entries;
using TrackStack.Expenses.Features.Export;
using TrackStack.Expenses.Features.Imports;
using TrackStack.Expenses.Features.Integration;
using TrackStack.Expenses.Features.Months;
using TrackStack.Expenses.Features.Recurring;
using TrackStack.Expenses.Features.Rules;
using TrackStack.Expenses.Features.Settings;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Heating.Contracts;
using TrackStack.Households.Contracts;

namespace TrackStack.Expenses;

/// <summary>Monthly budget sheets with tanks, entries, recurring and checklist items, bank imports and export:
/// /api/households/{householdId}/expenses/...</summary>
public static class ExpensesModule
{
    public const string Name = "expenses";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddExpensesModule(c), a => a.MapExpensesModule());

    public static IServiceCollection AddExpensesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ExpensesDb>(ExpensesDb.Module);
        services.AddModuleOptions<ExpensesOptions>(configuration, ExpensesOptions.Section);
        services.AddScoped<BudgetSetup>();
        services.AddScoped<MonthSheets>();
        services.AddScoped<HouseholdClock>();
        services.AddScoped<RecurringPoster>();
        services.AddScoped<FuelPurchaseRecorder>();
        services.AddHostedService<RecurringPostingWorker>();
        services.AddEventHandler<ExpensesDb, HouseholdCreated, HouseholdCreatedHandler>(HouseholdCreatedHandler.Name);
        services.AddEventHandler<ExpensesDb, HouseholdSettingsChanged, HouseholdSettingsChangedHandler>(HouseholdSettingsChangedHandler.Name);
        services.AddEventHandler<ExpensesDb, FuelPurchased, FuelPurchasedHandler>(FuelPurchasedHandler.Name);
        services.AddEventHandler<ExpensesDb, FuelPurchaseChanged, FuelPurchaseChangedHandler>(FuelPurchaseChangedHandler.Name);
        services.AddEventHandler<ExpensesDb, FuelPurchaseDeleted, FuelPurchaseDeletedHandler>(FuelPurchaseDeletedHandler.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapExpensesModule(this IEndpointRouteBuilder app)
    {
        var expenses = app.MapHouseholdGroup(Name).WithTags("Expenses");
        expenses.MapSettings();
        expenses.MapCategories();
        expenses.MapRecordEntry();
        expenses.MapEditEntry();
        expenses.MapListEntries();
        expenses.MapMonthSummary();
        expenses.MapMonthLifecycle();
        expenses.MapChecklistTemplates();
        expenses.MapObligations();
        expenses.MapRecurringTemplates();
        expenses.MapRules();
        expenses.MapImports();
        expenses.MapExport();
        return app;
    }
}
