using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class RoutineTests
{
    private static readonly Guid Bench = Exercise("Bench Press (Barbell)");
    private static readonly Guid Row = Exercise("Bent Over Row (Barbell)");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_routine_day_starts_with_last_times_weights_and_the_rules_suggestion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (other, _) = await Accounts.RegisterAsync(host, "other@example.org");
        var home = await HomeAsync(owner, "Home");
        await Accounts.JoinAsync(owner, home, viewer, "viewer@example.org", "viewer");
        var api = Api(home);
        var otherApi = Api(await HomeAsync(other, "Other"));

        var id = Guid.NewGuid();
        var body = new
        {
            id, name = "PPL",
            days = new object[]
            {
                new { name = "Push", exercises = new object[]
                {
                    new { exerciseId = Bench, sets = 3, repMin = 8, repMax = 12, progression = "doubleProgression", restSeconds = 120, targetRpe = 8 },
                    new { exerciseId = Row, sets = 2, repMin = 8, repMax = 8, progression = "linear", incrementKg = 5, superset = "A" },
                } },
                new { name = "Legs", exercises = Array.Empty<object>() },
            },
        };
        using (var r = await owner.PostAsync($"{api}/routines", body))
        {
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(("doubleProgression", 2.5), (created["days"]![0]!["exercises"]![0]!.Str("progression"), created["days"]![0]!["exercises"]![0]!["incrementKg"]!.GetValue<double>()));
        }
        using (var r = await owner.PostAsync($"{api}/routines", body)) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await owner.GetJsonAsync($"{api}/routines"))["total"]!.GetValue<int>());

        var fresh = await owner.GetJsonAsync($"{api}/routines/{id}/days/0/start");
        Assert.Equal("PPL: Push", fresh.Str("name"));
        Assert.Null(fresh["exercises"]![0]!["suggestion"]);
        Assert.Equal(3, fresh["exercises"]![0]!["sets"]!.AsArray().Count);
        Assert.Null(fresh["exercises"]![0]!["sets"]![0]!["weightKg"]);

        using (var r = await owner.PostAsync($"{api}/workouts", Workout(null, TimeSpan.FromDays(2), (Bench, 40, 10, "warmUp"), (Bench, 60, 12, "working"), (Bench, 60, 12, "working"), (Bench, 60, 12, "failure"), (Row, 80, 8, "working"))))
            await r.ExpectAsync(HttpStatusCode.Created);
        var next = await owner.GetJsonAsync($"{api}/routines/{id}/days/0/start");
        var bench = next["exercises"]![0]!;
        Assert.Equal((62.5, 8), (bench["suggestion"]!["weightKg"]!.GetValue<double>(), bench["suggestion"]!["reps"]!.GetValue<int>()));
        Assert.Equal(4, bench["lastTime"]!.AsArray().Count);
        Assert.All(bench["sets"]!.AsArray(), s => Assert.Equal(62.5, s!["weightKg"]!.GetValue<double>()));
        Assert.Equal(85, next["exercises"]![1]!["suggestion"]!["weightKg"]!.GetValue<double>());
        Assert.Equal("A", next["exercises"]![1]!.Str("superset"));

        // One set short of the top: same weight, one rep more than the weakest set.
        using (var r = await owner.PostAsync($"{api}/workouts", Workout(null, TimeSpan.FromDays(1), (Bench, 62.5, 9, "working"), (Bench, 62.5, 8, "working"))))
            await r.ExpectAsync(HttpStatusCode.Created);
        bench = (await owner.GetJsonAsync($"{api}/routines/{id}/days/0/start"))["exercises"]![0]!;
        Assert.Equal((62.5, 9), (bench["suggestion"]!["weightKg"]!.GetValue<double>(), bench["suggestion"]!["reps"]!.GetValue<int>()));

        using (var r = await owner.GetAsync($"{api}/routines/{id}/days/2/start")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.PostAsync($"{api}/routines", new
        {
            name = "",
            days = new object[] { new { name = "", exercises = new object[] { new { exerciseId = Guid.NewGuid(), sets = 0, repMin = 10, repMax = 5, progression = "wave", incrementKg = -1, targetRpe = 11 } } } },
        }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            foreach (var field in new[] { "name", "days[0].name", "days[0].exercises[0].exerciseId", "days[0].exercises[0].sets", "days[0].exercises[0].repMax", "days[0].exercises[0].progression", "days[0].exercises[0].incrementKg", "days[0].exercises[0].targetRpe" })
            {
                Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
            }
        }
        using (var r = await owner.PostAsync($"{api}/routines", new { name = "Empty", days = Array.Empty<object>() })) await r.ExpectAsync(HttpStatusCode.BadRequest);

        // The viewer reads and starts, but writes nothing; the other household sees nothing.
        using (var r = await viewer.GetAsync($"{api}/routines/{id}/days/0/start")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await viewer.PostAsync($"{api}/routines", new { name = "Mine", days = new[] { new { name = "A" } } })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{api}/routines/{id}", new { name = "Mine", days = new[] { new { name = "A" } } })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{api}/routines/{id}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        foreach (var path in new[] { $"routines/{id}", $"routines/{id}/days/0/start" })
        {
            using var r = await other.GetAsync($"{otherApi}/{path}");
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }
        using (var r = await other.PutAsync($"{otherApi}/routines/{id}", new { name = "Mine", days = new[] { new { name = "A" } } })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await other.DeleteAsync($"{otherApi}/routines/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await other.PostAsync($"{otherApi}/routines", body)) await r.ExpectAsync(HttpStatusCode.Conflict);
        using (var r = await other.GetAsync($"{api}/routines")) await r.ExpectAsync(HttpStatusCode.NotFound);

        using (var r = await owner.PutAsync($"{api}/routines/{id}", new { name = "Full body", days = new[] { new { name = "A", exercises = new[] { new { exerciseId = Row } } } } }))
        {
            var changed = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(("Full body", 2, 3, 8, 12, "none"), (changed.Str("name"), changed["version"]!.GetValue<int>(), changed["days"]![0]!["exercises"]![0]!["sets"]!.GetValue<int>(),
                changed["days"]![0]!["exercises"]![0]!["repMin"]!.GetValue<int>(), changed["days"]![0]!["exercises"]![0]!["repMax"]!.GetValue<int>(), changed["days"]![0]!["exercises"]![0]!.Str("progression")));
        }
        using (var r = await owner.DeleteAsync($"{api}/routines/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{api}/routines/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }
}
