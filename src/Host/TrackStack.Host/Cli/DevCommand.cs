using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.Host.Cli;

/// <summary>Developer helpers. 'dev schema --module X --provider sqlite|postgres' prints the schema the EF
/// model expects, the starting point of a new hand-written migration (dotnet ef is not available here).</summary>
internal static class DevCommand
{
    public static Command Create(string[] args)
    {
        var dev = new Command("dev", "Developer tools.");
        var module = new Option<string>("--module") { Required = true, Description = "Module name." };
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres.", DefaultValueFactory = _ => "sqlite" };
        var schema = new Command("schema", "Print the CREATE script of a module's EF model.") { module, provider };
        schema.SetAction(async (r, ct) =>
        {
            var p = DatabaseProviders.TryParse(r.GetValue(provider)) ?? throw new ArgumentException("--provider must be sqlite or postgres.");
            var dir = Directory.CreateTempSubdirectory("trackstack-schema-");
            try
            {
                var config = new List<string> { $"--TrackStack:DataDir={dir.FullName}", $"--TrackStack:Database:Provider={p}" };
                if (p == DatabaseProvider.Postgres) config.Add("--TrackStack:Database:ConnectionString=Host=127.0.0.1");
                var app = TrackStackApp.Build([.. config], ModuleCatalog.Select(r.GetValue(module)), b => b.Logging.SetMinimumLevel(LogLevel.Warning));
                var database = app.Services.GetServices<IModuleDatabase>().Single(d => d.Module == r.GetValue(module));
                await using var scope = app.Services.CreateAsyncScope();
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                Console.WriteLine(context.Database.GenerateCreateScript());
                return 0;
            }
            finally
            {
                dir.Delete(true);
            }
        });
        dev.Subcommands.Add(schema);
        _ = args;
        return dev;
    }
}
