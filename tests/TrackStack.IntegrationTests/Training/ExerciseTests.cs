using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class ExerciseTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_library_is_searched_by_name_alias_and_muscle_and_households_add_their_own(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (other, _) = await Accounts.RegisterAsync(host, "other@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        var otherApi = Api(await HomeAsync(other, "Other"));

        var all = await owner.GetJsonAsync($"{api}/exercises?pageSize=500");
        Assert.InRange(all["total"]!.GetValue<int>(), 120, 200);
        Assert.All(all["items"]!.AsArray(), e => Assert.True(e!["builtIn"]!.GetValue<bool>()));
        // Both spellings find the one exercise the exports call "Bench Press (Barbell)".
        foreach (var spelling in new[] { "Barbell Bench Press", "Bench Press (Barbell)", "bench-press barbell" })
        {
            var found = await owner.GetJsonAsync($"{api}/exercises?search={Uri.EscapeDataString(spelling)}");
            Assert.Contains(found["items"]!.AsArray(), e => e.Str("name") == "Bench Press (Barbell)");
        }
        var chest = await owner.GetJsonAsync($"{api}/exercises?search=chest&pageSize=500");
        Assert.True(chest["total"]!.GetValue<int>() >= 10);
        var timed = await owner.GetJsonAsync($"{api}/exercises?type=time&pageSize=500");
        Assert.Contains(timed["items"]!.AsArray(), e => e.Str("name") == "Plank");
        Assert.All(timed["items"]!.AsArray(), e => Assert.Equal("time", e.Str("type")));

        var id = Guid.NewGuid();
        using (var r = await owner.PostAsync($"{api}/exercises", new { id, name = " Sled Push ", type = "weightReps", equipment = "sled", primaryMuscles = new[] { "Quadriceps" } }))
        {
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(("Sled Push", false), (created.Str("name"), created["builtIn"]!.GetValue<bool>()));
            Assert.Equal("quadriceps", created["primaryMuscles"]![0]!.GetValue<string>());
        }
        using (var r = await owner.PostAsync($"{api}/exercises", new { id, name = "Something else" }))
        {
            Assert.Equal("Sled Push", (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("name"));
        }
        var search = await owner.GetJsonAsync($"{api}/exercises?search=sled");
        Assert.Equal(1, search["total"]!.GetValue<int>());
        // The household's exercise is its own: the other household neither sees it nor may reuse its id.
        Assert.Equal(0, (await other.GetJsonAsync($"{otherApi}/exercises?search=sled"))["total"]!.GetValue<int>());
        using (var r = await other.PostAsync($"{otherApi}/exercises", new { id, name = "Sled Push" })) await r.ExpectAsync(HttpStatusCode.Conflict);

        foreach (var (body, field) in new (object, string)[]
        {
            (new { name = "Barbell Bench Press" }, "name"),
            (new { name = "sled-push" }, "name"),
            (new { name = "" }, "name"),
            (new { name = "!!!" }, "name"),
            (new { name = new string('x', 101) }, "name"),
            (new { name = "Box Squat", type = "heavy" }, "type"),
            (new { name = "Box Squat", primaryMuscles = new[] { "a,b" } }, "primaryMuscles"),
        })
        {
            using var r = await owner.PostAsync($"{api}/exercises", body);
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
        }
        foreach (var query in new[] { "type=heavy", "pageSize=0", "page=0", $"search={new string('x', 101)}" })
        {
            using var r = await owner.GetAsync($"{api}/exercises?{query}");
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }
    }
}
