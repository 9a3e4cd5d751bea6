using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class TrainingAccessTests
{
    private static readonly Guid Squat = Exercise("Squat (Barbell)");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_log_is_private_until_shared_other_households_see_nothing_and_viewers_cannot_write(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, aliceId) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (carol, _) = await Accounts.RegisterAsync(host, "carol@example.org");
        var home = await HomeAsync(alice, "Alice");
        var carolHome = await HomeAsync(carol, "Carol");
        await Accounts.JoinAsync(alice, home, bob, "bob@example.org", "member");
        await Accounts.JoinAsync(alice, home, viewer, "viewer@example.org", "viewer");
        var api = Api(home);

        var workout = Guid.NewGuid();
        using (var r = await alice.PostAsync($"{api}/workouts", Workout(workout, TimeSpan.FromDays(1), (Squat, 120, 5, "working"))))
            await r.ExpectAsync(HttpStatusCode.Created);
        var readsOfAlice = new[]
        {
            $"workouts?memberId={aliceId}", $"workouts/{workout}", $"records?memberId={aliceId}",
            $"exercises/{Squat}/history?memberId={aliceId}", $"export?memberId={aliceId}",
        };

        // Private by default: Bob, a member of the same household, reads nothing of Alice's, nor does the viewer.
        foreach (var reader in new[] { bob, viewer })
        {
            foreach (var path in readsOfAlice)
            {
                using var r = await reader.GetAsync($"{api}/{path}");
                await r.ExpectAsync(HttpStatusCode.NotFound);
            }
        }
        Assert.Equal(0, (await bob.GetJsonAsync($"{api}/workouts"))["total"]!.GetValue<int>());
        Assert.Null((await bob.GetJsonAsync($"{api}/summary"))["lastWorkout"]);
        using (var r = await bob.PutAsync($"{api}/workouts/{workout}", Workout(null, TimeSpan.FromDays(1)))) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await bob.DeleteAsync($"{api}/workouts/{workout}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        // Nor may Bob take Alice's workout id for his own.
        using (var r = await bob.PostAsync($"{api}/workouts", Workout(workout, TimeSpan.FromDays(1), (Squat, 20, 5, "working")))) await r.ExpectAsync(HttpStatusCode.Conflict);

        // Shared: the household reads it; only Alice changes it.
        using (var r = await alice.PutAsync($"{api}/settings", new { shareLog = true })) Assert.True((await r.ReadJsonAsync(HttpStatusCode.OK))["shareLog"]!.GetValue<bool>());
        foreach (var reader in new[] { bob, viewer })
        {
            foreach (var path in readsOfAlice)
            {
                using var r = await reader.GetAsync($"{api}/{path}");
                await r.ExpectAsync(HttpStatusCode.OK);
            }
        }
        Assert.False((await bob.GetJsonAsync($"{api}/settings"))["shareLog"]!.GetValue<bool>()); // Bob's own settings
        using (var r = await bob.PutAsync($"{api}/workouts/{workout}", Workout(null, TimeSpan.FromDays(1)))) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await bob.DeleteAsync($"{api}/workouts/{workout}")) await r.ExpectAsync(HttpStatusCode.Forbidden);

        // A viewer writes nothing, not even its own settings.
        using (var r = await viewer.PostAsync($"{api}/workouts", Workout(null, TimeSpan.FromDays(1), (Squat, 20, 5, "working")))) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PostAsync($"{api}/exercises", new { name = "Zercher Squat" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{api}/settings", new { shareLog = true })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{api}/workouts/{workout}", Workout(null, TimeSpan.FromDays(1)))) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{api}/workouts/{workout}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var form = Upload("x"u8.ToArray(), "x.csv"))
        using (var r = await viewer.Http.PostAsync($"{api}/imports", form)) await r.ExpectAsync(HttpStatusCode.Forbidden);

        // Carol, through her own household with Alice's ids, and straight at Alice's household.
        var carolApi = Api(carolHome);
        foreach (var path in new[] { $"workouts/{workout}", $"workouts?memberId={aliceId}", $"records?memberId={aliceId}", $"export?memberId={aliceId}" })
        {
            using var r = await carol.GetAsync($"{carolApi}/{path}");
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }
        using (var r = await carol.PutAsync($"{carolApi}/workouts/{workout}", Workout(null, TimeSpan.FromDays(1)))) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await carol.DeleteAsync($"{carolApi}/workouts/{workout}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await carol.PostAsync($"{carolApi}/workouts", Workout(workout, TimeSpan.FromDays(1), (Squat, 20, 5, "working")))) await r.ExpectAsync(HttpStatusCode.Conflict);
        foreach (var path in new[] { "settings", "exercises", "workouts", $"workouts/{workout}", "records", "summary", "export" })
        {
            using var r = await carol.GetAsync($"{api}/{path}");
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }
        using (var r = await carol.PostAsync($"{api}/workouts", Workout(null, TimeSpan.FromDays(1), (Squat, 20, 5, "working")))) await r.ExpectAsync(HttpStatusCode.NotFound);

        // Alice's workout is untouched by all of that.
        var kept = await alice.GetJsonAsync($"{api}/workouts/{workout}");
        Assert.Equal((1, 120.0, 1), (kept["setCount"]!.GetValue<int>(), kept["sets"]![0]!["weightKg"]!.GetValue<double>(), kept["version"]!.GetValue<int>()));
        Assert.Equal(0, (await carol.GetJsonAsync($"{carolApi}/workouts"))["total"]!.GetValue<int>());
    }
}
