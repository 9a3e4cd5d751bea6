using TrackStack.Expenses.Features.AddCategory;
using TrackStack.Expenses.Features.AddChecklistItem;
using TrackStack.Expenses.Features.AddRecurring;
using TrackStack.Expenses.Features.AddRule;
using TrackStack.Expenses.Features.ApplyRules;
using TrackStack.Expenses.Features.ChangeBudgetSettings;
using TrackStack.Expenses.Features.ChangeCategory;
using TrackStack.Expenses.Features.ChangeEntriesInBulk;
using TrackStack.Expenses.Features.ChangeChecklistItem;
using TrackStack.Expenses.Features.ChangeRecurring;
using TrackStack.Expenses.Features.ChangeRule;
using TrackStack.Expenses.Features.CloseMonth;
using TrackStack.Expenses.Features.CorrectExpense;
using TrackStack.Expenses.Features.DeleteCategory;
using TrackStack.Expenses.Features.DeleteExpense;
using TrackStack.Expenses.Features.DeleteRule;
using TrackStack.Expenses.Features.ExportExpenses;
using TrackStack.Expenses.Features.GetBudgetSettings;
using TrackStack.Expenses.Features.GetExpense;
using TrackStack.Expenses.Features.GetMonthSheet;
using TrackStack.Expenses.Features.ImportStatement;
using TrackStack.Expenses.Features.ListCategories;
using TrackStack.Expenses.Features.ListChecklist;
using TrackStack.Expenses.Features.ListExpenses;
using TrackStack.Expenses.Features.ListImports;
using TrackStack.Expenses.Features.ListObligations;
using TrackStack.Expenses.Features.ListRecurring;
using TrackStack.Expenses.Features.ListRules;
using TrackStack.Expenses.Features.OpenMonth;
using TrackStack.Expenses.Features.PostRecurringEntries;
using TrackStack.Expenses.Features.RecordExpense;
using TrackStack.Expenses.Features.RecordFuelPurchase;
using TrackStack.Expenses.Features.RemoveChecklistItem;
using TrackStack.Expenses.Features.RemoveRecurring;
using TrackStack.Expenses.Features.SetMonthIncome;
using TrackStack.Expenses.Features.SetUpHouseholdBudget;
using TrackStack.Expenses.Features.TickObligation;
using TrackStack.Expenses.Features.UndoImport;
using TrackStack.Expenses.Features.UntickObligation;
using TrackStack.Heating.Contracts;
using TrackStack.Households.Contracts;

namespace TrackStack.Expenses;

/// <summary>Monthly budget sheets with tanks, entries, recurring and checklist items, bank imports and export:
/// /api/households/{householdId}/expenses/...</summary>
public static class ExpensesModule
{
    public const string Name = "expenses";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddExpensesModule(c), a => a.MapExpensesModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name)],
    };

    public static IServiceCollection AddExpensesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ExpensesDb>(ExpensesDb.Module);
        services.AddModuleOptions<ExpensesOptions>(configuration, ExpensesOptions.Section);
        services.AddScoped<BudgetSetup>();
        services.AddScoped<MonthSheets>();
        services.AddScoped<TrackStack.Expenses.Contracts.IExpensesDigestReader, ExpensesDigestReader>();
        services.AddScoped<RecurringPoster>();
        services.AddScoped<FuelPurchaseRecorder>();
        services.AddSingleton<PostRecurringEntries>();
        services.AddHostedService(sp => sp.GetRequiredService<PostRecurringEntries>());
        // Background posting needs each household's time zone: keep the household contexts (the handler name of
        // settings changes is the one Expenses used before the shared projection, so stored inbox rows still match).
        services.AddHouseholdContextProjection<ExpensesDb>(Name, changedHandler: "expenses-household-settings-changed");
        services.AddEventHandler<ExpensesDb, HouseholdCreated, SetUpHouseholdBudget>(SetUpHouseholdBudget.Name);
        services.AddHouseholdDataDeletion<ExpensesDb>(Name);
        services.AddEventHandler<ExpensesDb, FuelPurchased, RecordFuelPurchase>(RecordFuelPurchase.Purchased);
        services.AddEventHandler<ExpensesDb, FuelPurchaseChanged, RecordFuelPurchase>(RecordFuelPurchase.Changed);
        services.AddEventHandler<ExpensesDb, FuelPurchaseDeleted, RecordFuelPurchase>(RecordFuelPurchase.Deleted);
        return services;
    }

    public static IEndpointRouteBuilder MapExpensesModule(this IEndpointRouteBuilder app)
    {
        var expenses = app.MapHouseholdGroup(Name).WithTags("Expenses");
        expenses.MapGetBudgetSettings();
        expenses.MapChangeBudgetSettings();
        expenses.MapListCategories();
        expenses.MapAddCategory();
        expenses.MapChangeCategory();
        expenses.MapDeleteCategory();
        expenses.MapRecordExpense();
        expenses.MapGetExpense();
        expenses.MapCorrectExpense();
        expenses.MapDeleteExpense();
        expenses.MapListExpenses();
        expenses.MapChangeEntriesInBulk();
        expenses.MapGetMonthSheet();
        expenses.MapOpenMonth();
        expenses.MapCloseMonth();
        expenses.MapSetMonthIncome();
        expenses.MapListChecklist();
        expenses.MapAddChecklistItem();
        expenses.MapChangeChecklistItem();
        expenses.MapRemoveChecklistItem();
        expenses.MapListObligations();
        expenses.MapTickObligation();
        expenses.MapUntickObligation();
        expenses.MapListRecurring();
        expenses.MapAddRecurring();
        expenses.MapChangeRecurring();
        expenses.MapRemoveRecurring();
        expenses.MapListRules();
        expenses.MapAddRule();
        expenses.MapChangeRule();
        expenses.MapDeleteRule();
        expenses.MapApplyRules();
        expenses.MapImportStatement();
        expenses.MapListImports();
        expenses.MapUndoImport();
        expenses.MapExportExpenses();
        return app;
    }
}
