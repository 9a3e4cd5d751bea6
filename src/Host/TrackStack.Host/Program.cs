using System.CommandLine;
using Microsoft.Extensions.Options;
using TrackStack.Host;
using TrackStack.Host.Cli;

// TrackStack.Host [serve] | migrate | gateway | users ... | events ... | backup | restore | import-backup | dev ...
// Settings come from appsettings, TrackStack__* environment variables and --TrackStack:Key=value arguments.
var modulesOption = new Option<string?>("--modules") { Description = "Comma-separated modules to start (default: all). Known: " + string.Join(", ", ModuleCatalog.All.Select(m => m.Name)) };
var root = new RootCommand("TrackStack: self-hosted household tracking.") { TreatUnmatchedTokensAsErrors = false };
root.Options.Add(modulesOption);

var serve = new Command("serve", "Apply migrations and serve the API and web app until stopped (the default).") { TreatUnmatchedTokensAsErrors = false };
serve.Options.Add(modulesOption);
serve.SetAction((r, ct) => HostCommands.ServeAsync(r, modulesOption, ct));
root.SetAction((r, ct) => HostCommands.ServeAsync(r, modulesOption, ct));

var migrate = new Command("migrate", "Apply pending database migrations of the selected modules and exit.") { TreatUnmatchedTokensAsErrors = false };
migrate.Options.Add(modulesOption);
migrate.SetAction((r, ct) => HostCommands.MigrateAsync(r, modulesOption, ct));

root.Subcommands.Add(serve);
root.Subcommands.Add(migrate);
root.Subcommands.Add(EventsCommand.Create(ct => HostCommands.ServicesForCliAsync(args, ct)));
root.Subcommands.Add(BackupCommands.Backup(ct => HostCommands.ServicesForCliAsync(args, ct)));
root.Subcommands.Add(BackupCommands.Restore(ct => HostCommands.ServicesWithoutMigrationsAsync(args, ct)));
// The import migrates the databases it fills itself, module by module, after checking the archive.
root.Subcommands.Add(BackupCommands.ImportBackup(ct => HostCommands.ServicesWithoutMigrationsAsync(args, ct)));
foreach (var command in ModuleCatalog.All.SelectMany(m => m.Commands))
{
    root.Subcommands.Add(command(ct => HostCommands.ServicesForCliAsync(args, ct)));
}
root.Subcommands.Add(GatewayCommand.Create());
root.Subcommands.Add(DevCommand.Create());

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is OptionsValidationException || ex is AggregateException { InnerExceptions: var all } && all.All(e => e is OptionsValidationException))
{
    // Several option types failing at once (the platform's and a module's) arrive as one AggregateException.
    var failures = ex is AggregateException many ? many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures) : ((OptionsValidationException)ex).Failures;
    Console.Error.WriteLine("TrackStack cannot start: some settings are wrong.");
    foreach (var failure in failures) Console.Error.WriteLine("  - " + failure);
    return 2;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
