using System.CommandLine;
using TrackStack.Nutrition.Importing;

namespace TrackStack.Nutrition.Cli;

/// <summary>Operator commands: TrackStack.Host nutrition import-fdc &lt;folder&gt;.</summary>
internal static class NutritionCommand
{
    public static Command Create(CommandServices services)
    {
        var nutrition = new Command("nutrition", "Manage the foods every household can search.");

        var folder = new Argument<string>("folder") { Description = "A folder with a USDA FoodData Central CSV export (food.csv, nutrient.csv, food_nutrient.csv, food_portion.csv, measure_unit.csv)." };
        var import = new Command("import-fdc", "Import or update the foods of a FoodData Central CSV export (https://fdc.nal.usda.gov/download-datasets), searchable by every household.") { folder };
        import.SetAction(async (r, ct) =>
        {
            FdcExport export;
            try
            {
                export = FdcExport.Open(r.GetValue(folder)!);
            }
            catch (FdcImportException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            var sp = await services(ct);
            await using var scope = sp.CreateAsyncScope();
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<FdcImporter>().ImportAsync(export, Console.Out, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Imported {result.Written:N0} foods ({result.Written - result.Replaced:N0} new, {result.Replaced:N0} updated, {result.Skipped:N0} rows without an id or name skipped) in {result.Elapsed.TotalSeconds:F1} s ({result.Written / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} foods/s)."));
                return 0;
            }
            catch (FdcImportException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        nutrition.Subcommands.Add(import);
        return nutrition;
    }
}
