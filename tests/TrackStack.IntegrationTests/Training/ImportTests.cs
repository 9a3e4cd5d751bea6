using System.Net;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class ImportTests
{
    private const string Strong = "training/strong_gravitus-to-strong_rest-timer_2025.csv";
    private const string Hevy = "training/hevy_hevy-coach_workout_data_kg.csv";

    /// <summary>The expected counts were taken from the files with Python's csv module, apart from this code:
    /// Strong 16 rows = 1 workout (one Date + Workout Name), 8 sets and 8 Rest Timer rows, 3 exercise names;
    /// Hevy 330 rows = 17 workouts (title + start_time), 330 sets, 44 exercise titles.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_strong_and_hevy_samples_import_once_and_a_dry_run_stores_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        var preview = await ImportAsync(owner, api, Strong, ("dryRun", "true"));
        Assert.Equal((true, "strong", 1, 8, 3, 0, 8), Counts(preview));
        Assert.Equal(0, (await owner.GetJsonAsync($"{api}/workouts"))["total"]!.GetValue<int>());
        Assert.Equal((false, "strong", 1, 8, 3, 0, 8), Counts(await ImportAsync(owner, api, Strong)));
        Assert.Equal((false, "strong", 0, 0, 0, 1, 8), Counts(await ImportAsync(owner, api, Strong)));

        var hevy = await ImportAsync(owner, api, Hevy);
        Assert.Equal((false, "hevy", 17, 330, 44, 0, 0), Counts(hevy));
        Assert.Equal((false, "hevy", 0, 0, 0, 17, 0), Counts(await ImportAsync(owner, api, Hevy)));
        // Names the library knows map to it; "Lower Chest Fly" is a built-in too; the others became household exercises, once.
        Assert.DoesNotContain("Bench Press (Dumbbell)", hevy["newExercises"]!.AsArray().Select(n => n!.GetValue<string>()));
        var own = await owner.GetJsonAsync($"{api}/exercises?pageSize=500");
        var created = hevy["newExercises"]!.AsArray().Count;
        Assert.Equal(created, own["items"]!.AsArray().Count(e => !e!["builtIn"]!.GetValue<bool>()));

        var workouts = await owner.GetJsonAsync($"{api}/workouts?pageSize=100");
        Assert.Equal(18, workouts["total"]!.GetValue<int>());
        Assert.Equal(338, workouts["items"]!.AsArray().Sum(w => w!["setCount"]!.GetValue<int>()));
        var chestDay = workouts["items"]!.AsArray().Single(w => w.Str("name") == "Monday ? You mean international CHEST DAY !")!;
        Assert.Equal(("2025-06-30T19:56:00Z", "2025-06-30T20:58:00Z", "hevy"), (chestDay.Str("startedAt"), chestDay.Str("endedAt"), chestDay.Str("source")));
        var strong = workouts["items"]!.AsArray().Single(w => w.Str("source") == "strong")!;
        Assert.Equal(("2025-08-03T13:04:33Z", "2025-08-03T13:09:33Z"), (strong.Str("startedAt"), strong.Str("endedAt"))); // Duration 5m

        using var export = await owner.GetAsync($"{api}/export");
        await export.ExpectAsync(HttpStatusCode.OK);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 338, lines.Length);
        Assert.StartsWith("workout_id,workout,started_at", lines[0]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Semicolons_pounds_set_types_and_escaped_line_breaks_are_read(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        var strong = "Date;Workout Name;Duration;Exercise Name;Set Order;Weight (lbs);Reps;Distance;Seconds;Notes;Workout Notes;RPE\n"
            + "2024-03-01 07:00:00;Morning;1h 5m;Barbell Bench Press;W;95;10;0;0;;;\n"
            + "2024-03-01 07:00:00;Morning;1h 5m;Barbell Bench Press;1;225,5;5;0;0;tough;;8,5\n"
            + "2024-03-01 07:00:00;Morning;1h 5m;Barbell Bench Press;Rest Timer;0;0;0;90;;;\n";
        var result = await ImportAsync(owner, api, Encoding.UTF8.GetBytes(strong));
        Assert.Equal((false, "strong", 1, 2, 1, 0, 1), Counts(result));
        Assert.Empty(result["newExercises"]!.AsArray()); // "Barbell Bench Press" is the library's "Bench Press (Barbell)"
        var id = (await owner.GetJsonAsync($"{api}/workouts"))["items"]![0]!.Str("id");
        var workout = await owner.GetJsonAsync($"{api}/workouts/{id}");
        Assert.Equal("2024-03-01T08:05:00Z", workout.Str("endedAt"));
        Assert.Equal(("warmUp", "working"), (workout["sets"]![0]!.Str("kind"), workout["sets"]![1]!.Str("kind")));
        Assert.Equal(102.285, workout["sets"]![1]!["weightKg"]!.GetValue<double>(), 3); // 225.5 lb
        Assert.Equal(8.5, workout["sets"]![1]!["rpe"]!.GetValue<double>());

        var hevy = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_lbs\",\"reps\",\"distance_miles\",\"duration_seconds\",\"rpe\"\n"
            + "\"Legs\",\"2 Jan 2024, 18:00\",\"2 Jan 2024, 19:00\",\"Line one\\nLine two\",\"Squat (Barbell)\",,\"Belt on\",0,\"warmup\",135,5,,,\n"
            + "\"Legs\",\"2 Jan 2024, 18:00\",\"2 Jan 2024, 19:00\",\"Line one\\nLine two\",\"Squat (Barbell)\",,\"Belt on\",1,\"normal\",315,3,,,9\n"
            + "\"Legs\",\"2 Jan 2024, 18:00\",\"2 Jan 2024, 19:00\",\"Line one\\nLine two\",\"Squat (Barbell)\",,\"Belt on\",2,\"dropset\",225,8,,,\n"
            + "\"Legs\",\"2 Jan 2024, 18:00\",\"2 Jan 2024, 19:00\",\"Line one\\nLine two\",\"Sled Drag\",,\"\",0,\"normal\",,,0.1,60,\n";
        result = await ImportAsync(owner, api, Encoding.UTF8.GetBytes(hevy));
        Assert.Equal((false, "hevy", 1, 4, 2, 0, 0), Counts(result));
        Assert.Equal(["Sled Drag"], result["newExercises"]!.AsArray().Select(n => n!.GetValue<string>()));
        var legs = (await owner.GetJsonAsync($"{api}/workouts"))["items"]!.AsArray().Single(w => w.Str("name") == "Legs")!;
        workout = await owner.GetJsonAsync($"{api}/workouts/{legs.Str("id")}");
        Assert.Equal("Line one\nLine two", workout.Str("notes"));
        Assert.Equal(["warmUp", "working", "drop", "working"], workout["sets"]!.AsArray().Select(s => s.Str("kind")));
        Assert.Equal("Belt on", workout["sets"]![0]!.Str("notes"));
        Assert.Null(workout["sets"]![1]!["notes"]);
        Assert.Equal(142.88, workout["sets"]![1]!["weightKg"]!.GetValue<double>(), 2);
        Assert.Equal((160.9, 60), (workout["sets"]![3]!["distanceM"]!.GetValue<double>(), workout["sets"]![3]!["durationSeconds"]!.GetValue<int>()));
        var drag = (await owner.GetJsonAsync($"{api}/exercises?search=sled"))["items"]![0]!;
        Assert.Equal("distance", drag.Str("type"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_uploads_are_field_errors(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        using (var r = await owner.PostAsync($"{api}/imports", new { file = "x" })) await r.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        foreach (var (content, fields, field) in new (string, (string, string)[], string)[]
        {
            ("", [], "file"),
            ("name,amount\nx,1\n", [], "file"),
            ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\nnot a date,x,5m,Squat,1,100,5\n", [], "file"),
            ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n2024-01-01 10:00:00,x,5m,Squat,1,100,5\n", [("dryRun", "maybe")], "dryRun"),
            ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n2024-01-01 10:00:00,x,5m,Squat,1,100,5\n", [("unit", "stone")], "unit"),
        })
        {
            using var form = Upload(Encoding.UTF8.GetBytes(content), "x.csv", fields);
            using var r = await owner.Http.PostAsync($"{api}/imports", form);
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, (await owner.GetJsonAsync($"{api}/workouts"))["total"]!.GetValue<int>());
        // A Strong 'Weight' column is in the unit given (or the member's): pounds here.
        using (var form = Upload(Encoding.UTF8.GetBytes("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n2024-01-01 10:00:00,x,5m,Squat,1,100,5\n"), "x.csv", ("unit", "lb")))
        using (var r = await owner.Http.PostAsync($"{api}/imports", form)) await r.ExpectAsync(HttpStatusCode.OK);
        var id = (await owner.GetJsonAsync($"{api}/workouts"))["items"]![0]!.Str("id");
        Assert.Equal(45.359, (await owner.GetJsonAsync($"{api}/workouts/{id}"))["sets"]![0]!["weightKg"]!.GetValue<double>(), 3);
    }

    private static (bool, string, int, int, int, int, int) Counts(System.Text.Json.Nodes.JsonNode r) =>
        (r["dryRun"]!.GetValue<bool>(), r.Str("format"), r["workouts"]!.GetValue<int>(), r["sets"]!.GetValue<int>(), r["exercises"]!.GetValue<int>(),
            r["duplicates"]!.GetValue<int>(), r["skippedRows"]!.GetValue<int>());

    private static Task<System.Text.Json.Nodes.JsonNode> ImportAsync(ApiClient client, string api, string fixture, params (string, string)[] fields) =>
        ImportAsync(client, api, Fixtures.Bytes(fixture), fields);

    private static async Task<System.Text.Json.Nodes.JsonNode> ImportAsync(ApiClient client, string api, byte[] file, params (string, string)[] fields)
    {
        using var form = Upload(file, "export.csv", fields);
        using var r = await client.Http.PostAsync($"{api}/imports", form);
        return await r.ReadJsonAsync(HttpStatusCode.OK);
    }
}
