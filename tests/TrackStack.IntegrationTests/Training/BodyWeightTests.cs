using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class BodyWeightTests
{
    private static string Day(int plus) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(plus).ToString("yyyy-MM-dd");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Weighings_are_logged_once_per_client_id_with_a_seven_day_trend_and_stay_private(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, aliceId) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (carol, _) = await Accounts.RegisterAsync(host, "carol@example.org");
        var home = await HomeAsync(alice, "Alice");
        await Accounts.JoinAsync(alice, home, bob, "bob@example.org", "member");
        await Accounts.JoinAsync(alice, home, viewer, "viewer@example.org", "viewer");
        var api = Api(home);
        var carolApi = Api(await HomeAsync(carol, "Carol"));

        var id = Guid.NewGuid();
        using (var r = await alice.PostAsync($"{api}/body-weight", new { id, date = Day(-8), weightKg = 80 })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await alice.PostAsync($"{api}/body-weight", new { id, date = Day(-1), weightKg = 90 }))
        {
            var again = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((Day(-8), 80.0), (again.Str("date"), again["weightKg"]!.GetValue<double>()));
        }
        foreach (var (day, kg) in new[] { (-3, 82.0), (-2, 81.0), (-2, 83.0) })
        {
            using var r = await alice.PostAsync($"{api}/body-weight", new { date = Day(day), weightKg = kg });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        var list = await alice.GetJsonAsync($"{api}/body-weight");
        Assert.Equal(4, list["total"]!.GetValue<int>());
        var items = list["items"]!.AsArray();
        Assert.Equal([Day(-2), Day(-2), Day(-3), Day(-8)], items.Select(i => i.Str("date")));
        Assert.Equal(81.33, items[0]!["trendKg"]!.GetValue<double>());   // (80 + 82 + mean(81, 83)) / 3: day −8 is the 7th day back
        Assert.Equal(81, items[2]!["trendKg"]!.GetValue<double>());   // (80 + 82) / 2: day −8 is 5 days before day −3
        Assert.Equal(80, items[3]!["trendKg"]!.GetValue<double>());

        foreach (var (body, field) in new (object, string)[]
        {
            (new { weightKg = 80 }, "date"), (new { date = Day(3), weightKg = 80 }, "date"), (new { date = Day(0), weightKg = 5 }, "weightKg"), (new { date = Day(0) }, "weightKg"),
        })
        {
            using var r = await alice.PostAsync($"{api}/body-weight", body);
            Assert.True((await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey(field), field);
        }
        using (var r = await alice.GetAsync($"{api}/body-weight?from={Day(0)}&to={Day(-1)}")) await r.ExpectAsync(HttpStatusCode.BadRequest);

        // Private to Alice until she shares; the viewer writes nothing; Carol's household sees nothing.
        using (var r = await bob.GetAsync($"{api}/body-weight?memberId={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await bob.GetJsonAsync($"{api}/body-weight"))["total"]!.GetValue<int>());
        using (var r = await bob.DeleteAsync($"{api}/body-weight/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.PostAsync($"{api}/body-weight", new { id, date = Day(0), weightKg = 70 })) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await viewer.PostAsync($"{api}/body-weight", new { date = Day(0), weightKg = 70 })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await carol.GetAsync($"{api}/body-weight")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await carol.DeleteAsync($"{carolApi}/body-weight/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await carol.PostAsync($"{carolApi}/body-weight", new { id, date = Day(0), weightKg = 70 })) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await alice.PutAsync($"{api}/settings", new { shareLog = true })) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, (await bob.GetJsonAsync($"{api}/body-weight?memberId={aliceId}"))["total"]!.GetValue<int>());

        using (var r = await alice.DeleteAsync($"{api}/body-weight/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await alice.DeleteAsync($"{api}/body-weight/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await alice.GetJsonAsync($"{api}/body-weight"))["total"]!.GetValue<int>());
    }
}
