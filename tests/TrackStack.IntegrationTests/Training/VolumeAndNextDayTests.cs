using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class VolumeAndNextDayTests
{
    private static readonly Guid Bench = Exercise("Bench Press (Barbell)"); // chest; triceps and shoulders secondary
    private static readonly Guid Squat = Exercise("Squat (Barbell)"); // quadriceps; glutes, hamstrings, lower back

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Weekly_sets_and_volume_count_primary_muscles_whole_and_secondary_half_and_stay_private(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, aliceId) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var (carol, _) = await Accounts.RegisterAsync(host, "carol@example.org");
        var home = await HomeAsync(alice, "Home");
        await Accounts.JoinAsync(alice, home, bob, "bob@example.org", "member");
        var api = Api(home);

        var ago = TimeSpan.FromHours(2);
        using (var r = await alice.PostAsync($"{api}/workouts", Workout(null, ago, (Bench, 60, 10, "warmUp"), (Bench, 100, 5, "working"), (Bench, 100, 5, "working"), (Bench, 80, 8, "drop"))))
            await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await alice.PostAsync($"{api}/workouts", Workout(null, TimeSpan.FromDays(8), (Squat, 140, 5, "working"))))
            await r.ExpectAsync(HttpStatusCode.Created);

        var volume = await alice.GetJsonAsync($"{api}/volume?weeks=4");
        var weeks = volume["weeks"]!.AsArray();
        Assert.Equal(4, weeks.Count);
        var thisWeek = Week(weeks, DateTime.UtcNow - ago);
        // Three counted bench sets (the warm-up is not): 1,640 kg; chest whole, triceps and shoulders half.
        Assert.Equal([("chest", 3.0, 1640.0), ("shoulders", 1.5, 820.0), ("triceps", 1.5, 820.0)], Loads(thisWeek));
        var squatWeek = Week(weeks, DateTime.UtcNow - TimeSpan.FromDays(8));
        Assert.Equal(("quadriceps", 1.0, 700.0), Loads(squatWeek)[0]);
        Assert.Equal(("glutes", 0.5, 350.0), Loads(squatWeek)[1]);
        Assert.Single((await alice.GetJsonAsync($"{api}/volume?weeks=1"))["weeks"]!.AsArray());

        foreach (var bad in new[] { "weeks=0", "weeks=53", "weeks=many", "memberId=nope" })
        {
            using var r = await alice.GetAsync($"{api}/volume?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }
        // Bob reads Alice's weeks only once she shares; Carol never, neither through her household nor Alice's.
        using (var r = await bob.GetAsync($"{api}/volume?memberId={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.All((await bob.GetJsonAsync($"{api}/volume"))["weeks"]!.AsArray(), w => Assert.Empty(w!["muscles"]!.AsArray()));
        using (var r = await alice.PutAsync($"{api}/settings", new { shareLog = true })) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Loads(thisWeek), Loads(Week((await bob.GetJsonAsync($"{api}/volume?memberId={aliceId}&weeks=4"))["weeks"]!.AsArray(), DateTime.UtcNow - ago)));
        var carolApi = Api(await HomeAsync(carol, "Carol"));
        using (var r = await carol.GetAsync($"{carolApi}/volume?memberId={aliceId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await carol.GetAsync($"{api}/volume")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_summary_names_the_next_routine_day_of_the_member(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var home = await HomeAsync(alice, "Home");
        await Accounts.JoinAsync(alice, home, bob, "bob@example.org", "member");
        var api = Api(home);
        Assert.Null((await alice.GetJsonAsync($"{api}/summary"))["nextRoutineDay"]);

        var routine = Guid.NewGuid();
        using (var r = await alice.PostAsync($"{api}/routines", new
        {
            id = routine, name = "Upper Lower",
            days = new object[]
            {
                new { name = "Upper", exercises = new object[] { new { exerciseId = Bench, sets = 3, repMin = 5, repMax = 8, targetRir = 2 } } },
                new { name = "Lower", exercises = new object[] { new { exerciseId = Squat, sets = 3 } } },
            },
        }))
        {
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(2, created["days"]![0]!["exercises"]![0]!["targetRir"]!.GetValue<int>());
        }
        Assert.Equal(("Upper Lower", 0, "Upper"), Next(await alice.GetJsonAsync($"{api}/summary")));

        async Task LogDay(ApiClient who, int day, TimeSpan ago)
        {
            using var r = await who.PostAsync($"{api}/workouts", new
            {
                name = "Day", startedAt = At(ago), endedAt = At(ago - TimeSpan.FromMinutes(30)), routineId = routine, routineDay = day,
                sets = new[] { new { exerciseId = Squat, weightKg = 100, reps = 5, kind = "working" } },
            });
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        await LogDay(alice, 0, TimeSpan.FromDays(2));
        Assert.Equal(("Upper Lower", 1, "Lower"), Next(await alice.GetJsonAsync($"{api}/summary")));
        await LogDay(alice, 1, TimeSpan.FromDays(1));
        Assert.Equal(("Upper Lower", 0, "Upper"), Next(await alice.GetJsonAsync($"{api}/summary")));
        // Bob's next day is his own: Alice's workouts do not move it.
        await LogDay(bob, 0, TimeSpan.FromHours(3));
        Assert.Equal(("Upper Lower", 1, "Lower"), Next(await bob.GetJsonAsync($"{api}/summary")));
        Assert.Equal(("Upper Lower", 0, "Upper"), Next(await alice.GetJsonAsync($"{api}/summary")));

        // Reps in reserve: 0 to 10, and not together with an RPE.
        using (var r = await alice.PutAsync($"{api}/routines/{routine}", new
        {
            name = "Upper Lower", version = 1,
            days = new object[] { new { name = "Upper", exercises = new object[] { new { exerciseId = Bench, targetRir = 11 }, new { exerciseId = Bench, targetRir = 1, targetRpe = 8 } } } },
        }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("days[0].exercises[0].targetRir") && errors.ContainsKey("days[0].exercises[1].targetRir"), errors.ToString());
        }
    }

    private static (string, int, string) Next(JsonNode summary) =>
        (summary["nextRoutineDay"].Str("routineName"), summary["nextRoutineDay"]!["day"]!.GetValue<int>(), summary["nextRoutineDay"].Str("dayName"));

    private static JsonNode Week(JsonArray weeks, DateTime utc)
    {
        var day = DateOnly.FromDateTime(utc);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd");
        return weeks.Single(w => w.Str("weekStart") == monday)!;
    }

    private static List<(string, double, double)> Loads(JsonNode week) =>
        week["muscles"]!.AsArray().Select(m => (m.Str("muscle"), m!["sets"]!.GetValue<double>(), m!["volumeKg"]!.GetValue<double>())).ToList();
}
