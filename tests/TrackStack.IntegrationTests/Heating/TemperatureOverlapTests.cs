using System.Net;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>The temperature dry run says how many of the file's days fall in the span the analysis reads.</summary>
public sealed class TemperatureOverlapTests
{
    private static MultipartFormDataContent Csv(string text) =>
        HeatingTemperatureTests.Upload(Encoding.UTF8.GetBytes(text), "temps.csv", ("dryRun", "true"));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_dry_run_says_how_many_days_overlap_the_refills(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "overlap@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        var lastYears = "date,mean\n2015-01-01,3\n2015-01-02,4\n";
        var recent = $"date,mean\n{Today(-12)},3\n{Today(-11)},4\n{Today(-10)},5\n{Today(-9)},6\n";

        // No refills yet: nothing to overlap.
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Csv(recent)))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(0, body["overlapDays"]!.GetValue<int>());
            Assert.Null(body["refillsFrom"]);
        }

        using (var r = await owner.PostAsync($"{api}/refills", new { date = Today(-11), quantity = 10 })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await owner.PostAsync($"{api}/refills", new { date = Today(-2), quantity = 10 })) await r.ExpectAsync(HttpStatusCode.Created);

        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Csv(recent)))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(3, body["overlapDays"]!.GetValue<int>()); // -11, -10, -9; -12 is before the first refill
            Assert.Equal((Today(-11), Today()), (body.Str("refillsFrom"), body.Str("refillsTo")));
        }
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Csv(lastYears)))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((2, 0), (body["valid"]!.GetValue<int>(), body["overlapDays"]!.GetValue<int>()));
        }

        // Another household's refills are not this one's.
        var (other, _) = await Accounts.RegisterAsync(host, "other@example.org");
        var otherApi = Api(await HomeAsync(other, "Other"));
        using (var r = await other.Http.PostAsync($"{otherApi}/temperatures/import", Csv(recent)))
        {
            Assert.Equal(0, (await r.ReadJsonAsync(HttpStatusCode.OK))["overlapDays"]!.GetValue<int>());
        }
    }
}
