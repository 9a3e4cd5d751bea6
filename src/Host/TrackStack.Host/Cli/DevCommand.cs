using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;

namespace TrackStack.Host.Cli;

/// <summary>Developer helpers. 'dev schema --module X --provider sqlite|postgres' prints the schema the EF
/// model expects, the starting point of a new hand-written migration (dotnet ef is not available here).</summary>
internal static class DevCommand
{
    public static Command Create()
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
                var app = TrackStackApp.Build([.. config], ModuleCatalog.Select(r.GetValue(module)), HostCommands.QuietLogs);
                var database = app.Services.GetServices<IModuleDatabase>().Single(d => d.Module == r.GetValue(module));
                await using var scope = app.Services.CreateAsyncScope();
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                Console.Write(MigrationText(context.Database.GenerateCreateScript()));
                return 0;
            }
            finally
            {
                dir.Delete(true);
            }
        });
        dev.Subcommands.Add(schema);
        return dev;
    }

    /// <summary>EF's script minus its CREATE SCHEMA block (the migrator creates the schema), the tables the platform's
    /// own migrations make in every module database (outbox, inbox, household contexts) and blank-line runs: the text
    /// a module's 0001 migration starts from.</summary>
    internal static string MigrationText(string script)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(script, @"DO \$EF\$.*?END \$EF\$;\r?\n", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        var statements = text.Split(";", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(statement => !ModelConventions.PlatformTables.Any(table => System.Text.RegularExpressions.Regex.IsMatch(statement, $@"(TABLE|ON)\s+(""?\w+""?\.)?""?{table}""?[\s(]")));
        return string.Join(";\n\n", statements) + ";\n";
    }
}
