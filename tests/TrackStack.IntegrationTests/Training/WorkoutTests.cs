using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class WorkoutTests
{
    private static readonly Guid Bench = Exercise("Bench Press (Barbell)");
    private static readonly Guid Row = Exercise("Bent Over Row (Barbell)");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_workout_is_stored_once_per_client_id_and_later_workouts_set_records(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, ownerId) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        var settings = await owner.GetJsonAsync($"{api}/settings");
        Assert.Equal(("kg", "epley", false), (settings.Str("unit"), settings.Str("formula"), settings["shareLog"]!.GetValue<bool>()));

        var first = Guid.NewGuid();
        JsonNode stored;
        using (var r = await owner.PostAsync($"{api}/workouts", Workout(first, TimeSpan.FromDays(3),
            (Bench, 60, 10, "warmUp"), (Bench, 100, 5, "working"), (Bench, 100, 5, "working"), (Bench, 100, 5, "working"), (Row, 80, 8, "working"))))
        {
            stored = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.EndsWith($"/training/workouts/{first}", r.Headers.Location!.ToString());
        }
        Assert.Equal((ownerId.ToString(), 5, 1), (stored.Str("userId"), stored["setCount"]!.GetValue<int>(), stored["version"]!.GetValue<int>()));
        Assert.Equal(3 * 500 + 640, stored["volumeKg"]!.GetValue<double>()); // the warm-up does not count
        Assert.Empty(stored["records"]!.AsArray()); // a first session sets the marks, it beats nothing
        Assert.Equal(116.67, stored["sets"]![1]!["e1rmKg"]!.GetValue<double>(), 2); // Epley: 100 × (1 + 5/30)
        Assert.Equal("warmUp", stored["sets"]![0]!.Str("kind"));

        // The offline queue sends the same workout again: nothing new, the stored one answers.
        using (var r = await owner.PostAsync($"{api}/workouts", Workout(first, TimeSpan.FromDays(1), (Bench, 200, 1, "working"))))
        {
            var again = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(stored["sets"]!.ToJsonString(), again["sets"]!.ToJsonString());
        }
        Assert.Equal(1, (await owner.GetJsonAsync($"{api}/workouts"))["total"]!.GetValue<int>());

        // Heavier, more reps at 100 kg, a better e1RM; less session volume than before.
        var second = Guid.NewGuid();
        JsonNode records;
        using (var r = await owner.PostAsync($"{api}/workouts", Workout(second, TimeSpan.FromDays(1), (Bench, 105, 3, "working"), (Bench, 100, 6, "failure"))))
        {
            records = (await r.ReadJsonAsync(HttpStatusCode.Created))["records"]!;
        }
        var kinds = records.AsArray().Select(x => (x.Str("kind"), x!["value"]!.GetValue<double>(), x["previous"]?.GetValue<double>())).ToList();
        Assert.Contains(("heaviestWeight", 105.0, 100.0), kinds);
        Assert.Contains(("mostRepsAtWeight", 6.0, 5.0), kinds);
        Assert.Contains(kinds, k => k.Item1 == "bestE1rm" && Math.Abs(k.Item2 - 120) < 1e-6); // 100 × (1 + 6/30)
        Assert.DoesNotContain(kinds, k => k.Item1 == "bestSessionVolume");
        Assert.Equal(3, (await OutboxAsync(host, "training.personal-record-set.v1")).Count);
        Assert.Equal(2, (await OutboxAsync(host, "training.workout-completed.v1")).Count);

        var list = await owner.GetJsonAsync($"{api}/records");
        var bench = list["items"]!.AsArray().Single(x => x.Str("exerciseName") == "Bench Press (Barbell)")!;
        Assert.Equal(105, bench["heaviestWeight"]!["value"]!.GetValue<double>());
        Assert.Equal(second.ToString(), bench["heaviestWeight"]!.Str("workoutId"));
        Assert.Equal(1500, bench["bestSessionVolume"]!["value"]!.GetValue<double>());
        Assert.Equal([(105.0, 3.0), (100.0, 6.0)], bench["mostRepsAtWeight"]!.AsArray().Select(x => (x!["weightKg"]!.GetValue<double>(), x["value"]!.GetValue<double>())));
        Assert.Equal(2, list["total"]!.GetValue<int>());

        var history = await owner.GetJsonAsync($"{api}/exercises/{Bench}/history");
        Assert.Equal([second.ToString(), first.ToString()], history["items"]!.AsArray().Select(x => x.Str("workoutId")));
        Assert.Equal((105.0, 120.0), (history["items"]![0]!["topWeightKg"]!.GetValue<double>(), history["items"]![0]!["bestE1rmKg"]!.GetValue<double>()));
        Assert.Equal(4, history["items"]![1]!["sets"]!.AsArray().Count);

        // Brzycki instead: 100 × 36 / (37 − 6).
        using (var r = await owner.PutAsync($"{api}/settings", new { formula = "brzycki", unit = "lb" })) await r.ExpectAsync(HttpStatusCode.OK);
        history = await owner.GetJsonAsync($"{api}/exercises/{Bench}/history");
        Assert.Equal(Math.Round(3600.0 / 31, 2), history["items"]![0]!["bestE1rmKg"]!.GetValue<double>(), 2);

        // Corrected: the sets are replaced and the version goes up; then deleted.
        using (var r = await owner.PutAsync($"{api}/workouts/{second}", Workout(null, TimeSpan.FromDays(1), (Row, 90, 8, "working"))))
        {
            var edited = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((1, 2), (edited["setCount"]!.GetValue<int>(), edited["version"]!.GetValue<int>()));
            Assert.Equal("heaviestWeight", edited["records"]![0]!.Str("kind"));
        }
        Assert.Equal(100, (await owner.GetJsonAsync($"{api}/records?exerciseId={Bench}"))["items"]![0]!["heaviestWeight"]!["value"]!.GetValue<double>());
        using (var r = await owner.DeleteAsync($"{api}/workouts/{second}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{api}/workouts/{second}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.DeleteAsync($"{api}/workouts/{second}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await owner.GetJsonAsync($"{api}/exercises/{Bench}/history"))["total"]!.GetValue<int>());
        Assert.Equal(5, (await owner.GetJsonAsync($"{api}/workouts/{first}"))["setCount"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_workouts_are_refused_field_by_field(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        using (var r = await owner.PostAsync($"{api}/workouts", new
        {
            name = new string('x', 201), endedAt = At(TimeSpan.Zero),
            sets = new object[]
            {
                new { exerciseId = Guid.NewGuid(), reps = 5 },
                new { exerciseId = Bench, weightKg = -1, reps = 1001, rpe = 10.3, kind = "heavy" },
                new { exerciseId = Bench },
            },
        }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            foreach (var field in new[] { "name", "startedAt" }) Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
        }
        using (var r = await owner.PostAsync($"{api}/workouts", new
        {
            startedAt = At(TimeSpan.FromHours(2)),
            sets = new object[]
            {
                new { exerciseId = Guid.NewGuid(), reps = 5 },
                new { exerciseId = Bench, weightKg = -1, reps = 1001, rpe = 10.3, kind = "heavy" },
                new { exerciseId = Bench },
                new { reps = 5 },
            },
        }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            foreach (var field in new[] { "sets[0].exerciseId", "sets[1].weightKg", "sets[1].reps", "sets[1].rpe", "sets[1].kind", "sets[2]", "sets[3].exerciseId" })
            {
                Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
            }
        }
        using (var r = await owner.PostAsync($"{api}/workouts", new { startedAt = At(TimeSpan.FromDays(-2)) })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await owner.PostAsync($"{api}/workouts", new { startedAt = At(TimeSpan.FromHours(1)), endedAt = At(TimeSpan.FromHours(2)) })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await owner.PostAsync($"{api}/workouts", new { startedAt = At(TimeSpan.FromDays(3)), endedAt = At(TimeSpan.Zero) })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await owner.PostAsync($"{api}/workouts", new { startedAt = "yesterday" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await owner.PutAsync($"{api}/settings", new { unit = "stone", formula = "lombardi" }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("unit") && errors.ContainsKey("formula"));
        }
        foreach (var path in new[] { "workouts?pageSize=501", "workouts?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "records?page=0", $"exercises/{Guid.NewGuid()}/history", $"workouts/{Guid.NewGuid()}" })
        {
            using var r = await owner.GetAsync($"{api}/{path}");
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {r.StatusCode}");
        }
        using (var r = await owner.PutAsync($"{api}/workouts/{Guid.NewGuid()}", Workout(null, TimeSpan.FromDays(1)))) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await owner.GetJsonAsync($"{api}/workouts"))["total"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_home_card_counts_this_weeks_sessions_and_volume(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        var empty = await owner.GetJsonAsync($"{api}/summary");
        Assert.Null(empty["lastWorkout"]);
        Assert.Equal(0, empty["sessionsThisWeek"]!.GetValue<int>());

        var today = DateTime.UtcNow.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var id = Guid.NewGuid();
        using (var r = await owner.PostAsync($"{api}/workouts", Workout(id, TimeSpan.FromMinutes(70), (Bench, 100, 5, "working"), (Bench, 50, 10, "warmUp"))))
            await r.ExpectAsync(HttpStatusCode.Created);
        // Last week's workout is not this week's.
        using (var r = await owner.PostAsync($"{api}/workouts", new { startedAt = monday.AddDays(-2).ToString("yyyy-MM-ddT10:00:00Z"), sets = new[] { new { exerciseId = Bench, weightKg = 90, reps = 5 } } }))
            await r.ExpectAsync(HttpStatusCode.Created);
        var summary = await owner.GetJsonAsync($"{api}/summary");
        var thisWeek = DateTime.UtcNow.AddMinutes(-70) >= monday;
        Assert.Equal(id.ToString(), summary["lastWorkout"]!.Str("id"));
        Assert.Equal(monday.ToString("yyyy-MM-dd"), summary.Str("weekStart"));
        Assert.Equal(thisWeek ? (1, 1, 500.0) : (0, 0, 0.0),
            (summary["sessionsThisWeek"]!.GetValue<int>(), summary["setsThisWeek"]!.GetValue<int>(), summary["volumeThisWeekKg"]!.GetValue<double>()));
    }
}
