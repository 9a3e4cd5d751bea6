using TrackStack.Nutrition.Features.AddFood;
using TrackStack.Nutrition.Features.AddRecipe;
using TrackStack.Nutrition.Features.ChangeFood;
using TrackStack.Nutrition.Features.ChangeLogEntry;
using TrackStack.Nutrition.Features.ChangeRecipe;
using TrackStack.Nutrition.Features.ChangeTargets;
using TrackStack.Nutrition.Features.CopyLog;
using TrackStack.Nutrition.Features.DeleteFood;
using TrackStack.Nutrition.Features.DeleteLogEntry;
using TrackStack.Nutrition.Features.DeleteRecipe;
using TrackStack.Nutrition.Features.DeleteRecipePhoto;
using TrackStack.Nutrition.Features.ExportRecipe;
using TrackStack.Nutrition.Features.FindFoodByBarcode;
using TrackStack.Nutrition.Features.GetDiary;
using TrackStack.Nutrition.Features.GetFood;
using TrackStack.Nutrition.Features.GetNutritionSummary;
using TrackStack.Nutrition.Features.GetRecipe;
using TrackStack.Nutrition.Features.GetRecipePhoto;
using TrackStack.Nutrition.Features.GetTargets;
using TrackStack.Nutrition.Features.GetWeek;
using TrackStack.Nutrition.Features.ImportRecipe;
using TrackStack.Nutrition.Features.ListRecipes;
using TrackStack.Nutrition.Features.LogMeal;
using TrackStack.Nutrition.Features.ParseIngredients;
using TrackStack.Nutrition.Features.ProposeFromSentence;
using TrackStack.Nutrition.Features.SearchFoods;
using TrackStack.Nutrition.Features.SetRecipePhoto;
using System.Net;
using TrackStack.BuildingBlocks.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;
using TrackStack.Nutrition.Cli;
using TrackStack.Nutrition.Importing;
using TrackStack.Nutrition.Infrastructure.Fetching;
using TrackStack.Nutrition.Infrastructure.Photos;

namespace TrackStack.Nutrition;

/// <summary>Foods (USDA SR28 built in, the household's own), the shared recipe book with computed nutrition, and each
/// member's food diary with targets, under /api/households/{householdId}/nutrition/...</summary>
public static class NutritionModule
{
    public const string Name = "nutrition";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddNutritionModule(c), a => a.MapNutritionModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name)],
        Commands = [services => NutritionCommand.Create(services)],
    };

    public static IServiceCollection AddNutritionModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NutritionDb>(NutritionDb.Module);
        services.AddHouseholdDataDeletion<NutritionDb>(Name);
        services.AddScoped<TrackStack.Nutrition.Contracts.INutritionDigestReader, NutritionDigestReader>();
        services.AddEventHandler<NutritionDb, HouseholdDeleted, RecipePhotosDeleter>($"{Name}-household-photos-deleted");
        services.AddSingleton<PhotoStore>();
        services.AddScoped<FoodCatalog>();
        services.AddScoped<FoodMatcher>();
        services.AddScoped<FdcImporter>();
        services.AddSingleton<BuiltInFoodLoader>();
        services.AddModuleOptions<NutritionOptions>(configuration, NutritionOptions.Section);
        // The recipe URL import's port: redirects followed by the fetcher itself, every connection through the guard.
        services.AddHttpClient<IRecipePageFetcher, HttpRecipePageFetcher>((sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NutritionOptions>>().Value.FetchTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = AddressGuard.Handler(sp.GetRequiredService<IOptions<NutritionOptions>>().Value.AllowPrivateAddresses, TimeSpan.FromSeconds(10));
                handler.AutomaticDecompression = DecompressionMethods.All;
                return handler;
            });
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BuiltInFoodLoader>());
        services.AddHttpClient<IProductLookup, OpenFoodFactsLookup>((sp, client) =>
        {
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NutritionOptions>>().Value.OpenFoodFactsTimeoutSeconds);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("TrackStack/1.0 (self-hosted; barcode lookup)"); // OFF asks apps to name themselves
        });
        return services;
    }

    /// <summary>The order here is the order of the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapNutritionModule(this IEndpointRouteBuilder app)
    {
        var nutrition = app.MapHouseholdGroup(Name).WithTags("Nutrition");
        nutrition.MapGetNutritionSummary();
        nutrition.MapSearchFoods();
        nutrition.MapGetFood();
        nutrition.MapAddFood();
        nutrition.MapFindFoodByBarcode();
        nutrition.MapChangeFood();
        nutrition.MapDeleteFood();
        nutrition.MapParseIngredients();
        nutrition.MapListRecipes();
        nutrition.MapGetRecipe();
        nutrition.MapExportRecipe();
        nutrition.MapAddRecipe();
        nutrition.MapImportRecipe();
        nutrition.MapChangeRecipe();
        nutrition.MapDeleteRecipe();
        nutrition.MapGetRecipePhoto();
        nutrition.MapSetRecipePhoto();
        nutrition.MapDeleteRecipePhoto();
        nutrition.MapGetDiary();
        nutrition.MapGetWeek();
        nutrition.MapLogMeal();
        nutrition.MapProposeFromSentence();
        nutrition.MapCopyLog();
        nutrition.MapChangeLogEntry();
        nutrition.MapDeleteLogEntry();
        nutrition.MapGetTargets();
        nutrition.MapChangeTargets();
        return app;
    }
}
