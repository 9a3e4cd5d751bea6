using System.Net;
using System.Text;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

/// <summary>AWS cost files imported into the built-in series infra.cost, read back through the query API: every
/// layout gives the same sums per service and day, importing again replaces the days instead of doubling them,
/// and only the household's admins may import.</summary>
public sealed class AwsCostImportTests
{
    private const string Query = "metric=infra.cost&from=2026-11-01&to=2026-11-03&bucket=day&groupBy=service";

    public static TheoryData<string, string> Layouts()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            foreach (var file in new[] { "cur-legacy.csv", "cur2.csv", "cost-explorer-by-service.csv", "cost-explorer-long.csv" }) data.Add(provider, file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Each_layout_gives_the_days_sums_per_service_and_a_second_import_replaces_them(string provider, string file)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var bytes = Fixtures.Bytes($"aws-costs/{file}");

        for (var round = 0; round < 2; round++)
        {
            using (var r = await owner.Http.PostAsync($"{Api(home)}/costs/aws", HeatingTemperatureTests.Upload(bytes, file)))
            {
                var answer = await r.ReadJsonAsync(HttpStatusCode.OK);
                Assert.Equal((2, 3, "USD", "2026-11-01", "2026-11-02"), (answer["days"]!.GetValue<int>(), answer["services"]!.GetValue<int>(), answer.Str("currency"), answer.Str("from"), answer.Str("to")));
                Assert.Equal(0.0684, answer["total"]!.GetValue<double>(), 6);
            }
            var costs = await owner.GetJsonAsync($"{Api(home)}/query?{Query}");
            AssertPoints([("2026-11-01T00:00:00+00:00", 0.0384), ("2026-11-02T00:00:00+00:00", 0.0092)], Points(costs, "Amazon Elastic Compute Cloud"));
            AssertPoints([("2026-11-01T00:00:00+00:00", 0.0098)], Points(costs, "Amazon Simple Storage Service"));
            AssertPoints([("2026-11-01T00:00:00+00:00", 0.011)], Points(costs, "Tax"));
        }

        // A corrected day replaces that day only: S3 is gone from it, the other day keeps its figure.
        var corrected = "date,service,cost\n2026-11-01,Amazon Elastic Compute Cloud,1.5\n"u8.ToArray();
        using (var r = await owner.Http.PostAsync($"{Api(home)}/costs/aws", HeatingTemperatureTests.Upload(corrected, "fix.csv"))) await r.ExpectAsync(HttpStatusCode.OK);
        var after = await owner.GetJsonAsync($"{Api(home)}/query?{Query}");
        AssertPoints([("2026-11-01T00:00:00+00:00", 1.5), ("2026-11-02T00:00:00+00:00", 0.0092)], Points(after, "Amazon Elastic Compute Cloud"));
        Assert.DoesNotContain("Amazon Simple Storage Service", after["series"]!.AsArray().Select(s => s!["group"]?.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_admins_import_into_their_own_household_and_garbage_is_refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "member@example.org");
        var (stranger, _) = await Accounts.RegisterAsync(host, "stranger@example.org");
        var home = await HouseholdAsync(owner, "Home");
        await Accounts.JoinAsync(owner, home, member, "member@example.org", "member");
        var elsewhere = await HouseholdAsync(stranger, "Elsewhere");
        var bytes = Fixtures.Bytes("aws-costs/cost-explorer-long.csv");

        using (var r = await member.Http.PostAsync($"{Api(home)}/costs/aws", HeatingTemperatureTests.Upload(bytes, "c.csv"))) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await owner.Http.PostAsync($"{Api(elsewhere)}/costs/aws", HeatingTemperatureTests.Upload(bytes, "c.csv"))) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.Http.PostAsync($"{Api(home)}/costs/aws", HeatingTemperatureTests.Upload(Encoding.UTF8.GetBytes("when,what,howmuch\n2026-11-01,x,1\n"), "bad.csv")))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains("lineItem/UnblendedCost", problem["errors"]!["file"]![0]!.GetValue<string>());
        }
        using (var r = await owner.Http.PostAsync($"{Api(home)}/costs/aws", HeatingTemperatureTests.Upload(Encoding.UTF8.GetBytes("date,service,cost\n2026-11-01,EC2,lots\n"), "bad.csv")))
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        var costs = await owner.GetJsonAsync($"{Api(home)}/query?{Query}");
        Assert.Empty(costs["series"]!.AsArray());
    }

    private static void AssertPoints(List<(string Start, double Value)> expected, List<(string Start, double Value)> actual)
    {
        Assert.Equal(expected.Select(p => p.Start), actual.Select(p => p.Start));
        foreach (var (e, a) in expected.Zip(actual)) Assert.Equal(e.Value, a.Value, 6);
    }
}
