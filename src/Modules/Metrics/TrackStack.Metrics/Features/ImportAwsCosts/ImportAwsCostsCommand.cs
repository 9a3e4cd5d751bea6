using System.CommandLine;
using System.Globalization;
using System.Text;

namespace TrackStack.Metrics.Features.ImportAwsCosts;

/// <summary>Operator command: TrackStack.Host metrics import-aws-costs &lt;file&gt; --household &lt;id&gt;.</summary>
internal static class ImportAwsCostsCommand
{
    public static Command Create(CommandServices services)
    {
        var metrics = new Command("metrics", "Metrics operator tools.");
        var file = new Argument<FileInfo>("file") { Description = "A Cost and Usage Report (CUR or CUR 2.0) or Cost Explorer CSV." };
        var household = new Option<Guid>("--household") { Required = true, Description = "The household id (Household settings or GET /api/households)." };
        var import = new Command("import-aws-costs", "Import AWS costs into the built-in series infra.cost (tag service) of a household.") { file, household };
        import.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No file at {path.FullName}.");
                return 1;
            }
            AwsCosts? costs;
            string? error;
            using (var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true)) (costs, error) = AwsCostCsv.Parse(reader);
            if (costs is null)
            {
                await Console.Error.WriteLineAsync(error);
                return 1;
            }
            var sp = await services(ct);
            await using var scope = sp.CreateAsyncScope();
            var id = r.GetValue(household);
            if (id == Guid.Empty || await scope.ServiceProvider.GetRequiredService<IHouseholdMembershipQuery>().GetContextAsync(id, ct) is null)
            {
                await Console.Error.WriteLineAsync($"No household with the id {id}.");
                return 1;
            }
            using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(id);
            var result = await scope.ServiceProvider.GetRequiredService<AwsCostImport>().ApplyAsync(id, costs, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {result.Days} day(s) and {result.Services} service(s) from {result.From:yyyy-MM-dd} to {result.To:yyyy-MM-dd}: {result.Total:0.00} {result.Currency}."));
            return 0;
        });
        metrics.Subcommands.Add(import);
        return metrics;
    }
}
