using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Training.TrainingApi;

namespace TrackStack.IntegrationTests.Training;

public sealed class ImportMappingTests
{
    private static readonly Guid Bench = Exercise("Bench Press (Barbell)");

    private const string File = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n"
        + "2024-05-01 18:00:00,Gym,50m,Bench (Bar),1,80,5\n"
        + "2024-05-01 18:00:00,Gym,50m,Bench (Bar),2,80,5\n"
        + "2024-05-01 18:00:00,Gym,50m,Wobble Press,1,20,10\n";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_preview_lists_unknown_names_a_mapping_sends_them_to_an_existing_exercise_and_bad_mappings_are_field_errors(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (carol, _) = await Accounts.RegisterAsync(host, "carol@example.org");
        var home = await HomeAsync(owner, "Home");
        await Accounts.JoinAsync(owner, home, viewer, "viewer@example.org", "viewer");
        var api = Api(home);
        var carolApi = Api(await HomeAsync(carol, "Carol"));
        var carolsOwn = (await (await carol.PostAsync($"{carolApi}/exercises", new { name = "Carol Press" })).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

        var preview = await ImportAsync(owner, api, ("dryRun", "true"));
        Assert.Equal(["Bench (Bar)", "Wobble Press"], Names(preview));
        var mapping = Map(("Bench (Bar)", Bench.ToString()));
        preview = await ImportAsync(owner, api, ("dryRun", "true"), ("mappings", mapping));
        Assert.Equal(["Wobble Press"], Names(preview));
        Assert.Equal((1, 3, 2), (preview["workouts"]!.GetValue<int>(), preview["sets"]!.GetValue<int>(), preview["exercises"]!.GetValue<int>()));

        // Not JSON, not an id, an id nobody has, another household's exercise: field errors, nothing stored.
        foreach (var bad in new[] { "not json", "[1,2]", Map(("Bench (Bar)", "nope")), Map(("Bench (Bar)", Guid.NewGuid().ToString())), Map(("Bench (Bar)", carolsOwn)), Map(("", Bench.ToString())) })
        {
            using var form = Upload(Encoding.UTF8.GetBytes(File), "x.csv", ("mappings", bad));
            using var r = await owner.Http.PostAsync($"{api}/imports", form);
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("mappings"), $"no mappings error for {bad}: {errors}");
        }
        using (var form = Upload(Encoding.UTF8.GetBytes(File), "x.csv", ("mappings", mapping)))
        using (var r = await viewer.Http.PostAsync($"{api}/imports", form)) await r.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await owner.GetJsonAsync($"{api}/workouts"))["total"]!.GetValue<int>());
        Assert.DoesNotContain((await owner.GetJsonAsync($"{api}/exercises?pageSize=500"))["items"]!.AsArray(), e => !e!["builtIn"]!.GetValue<bool>());

        var stored = await ImportAsync(owner, api, ("mappings", mapping));
        Assert.Equal(["Wobble Press"], Names(stored));
        // The mapped sets are the bench press's history; only the unmapped name became a household exercise.
        var history = await owner.GetJsonAsync($"{api}/exercises/{Bench}/history");
        Assert.Equal((1, 80.0), (history["total"]!.GetValue<int>(), history["items"]![0]!["topWeightKg"]!.GetValue<double>()));
        var own = (await owner.GetJsonAsync($"{api}/exercises?pageSize=500"))["items"]!.AsArray().Where(e => !e!["builtIn"]!.GetValue<bool>()).Select(e => e.Str("name"));
        Assert.Equal(["Wobble Press"], own);
        var again = await ImportAsync(owner, api, ("mappings", mapping));
        Assert.Equal((0, 1), (again["workouts"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
    }

    /// <summary>Three imports of the Hevy sample at once: the file is stored once (17 workouts, 330 sets), each new
    /// exercise once, and every answer is a 200 whose workouts and duplicates add up to the file's 17.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Concurrent_imports_of_one_file_store_it_once_and_answer_the_rest_as_duplicates(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        var file = Fixtures.Bytes("training/hevy_hevy-coach_workout_data_kg.csv");

        async Task<(HttpStatusCode Status, JsonNode? Body)> One()
        {
            using var form = Upload(file, "hevy.csv");
            using var r = await owner.Http.PostAsync($"{api}/imports", form);
            var text = await r.Content.ReadAsStringAsync();
            return (r.StatusCode, r.IsSuccessStatusCode ? JsonNode.Parse(text) : JsonNode.Parse("{}"));
        }
        var answers = await Task.WhenAll(One(), One(), One());
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(17, a.Body!["workouts"]!.GetValue<int>() + a.Body!["duplicates"]!.GetValue<int>()));
        Assert.Equal(17, answers.Sum(a => a.Body!["workouts"]!.GetValue<int>()));
        var workouts = await owner.GetJsonAsync($"{api}/workouts?pageSize=100");
        Assert.Equal(17, workouts["total"]!.GetValue<int>());
        Assert.Equal(330, workouts["items"]!.AsArray().Sum(w => w!["setCount"]!.GetValue<int>()));
        var own = (await owner.GetJsonAsync($"{api}/exercises?pageSize=500"))["items"]!.AsArray().Where(e => !e!["builtIn"]!.GetValue<bool>()).ToList();
        Assert.Equal(answers.Single(a => a.Body!["workouts"]!.GetValue<int>() == 17).Body!["newExercises"]!.AsArray().Count, own.Count);
        Assert.Equal(17, (await OutboxAsync(host, "training.workout-completed.v1")).Count);
        Assert.Empty(await OutboxAsync(host, "training.personal-record-set.v1")); // imports announce no records (ADR 0018)
    }

    private static string Map(params (string Name, string Id)[] pairs) => JsonSerializer.Serialize(pairs.ToDictionary(p => p.Name, p => p.Id));

    private static IEnumerable<string> Names(JsonNode r) => r["newExercises"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);

    private static async Task<JsonNode> ImportAsync(ApiClient client, string api, params (string, string)[] fields)
    {
        using var form = Upload(Encoding.UTF8.GetBytes(File), "strong.csv", fields);
        using var r = await client.Http.PostAsync($"{api}/imports", form);
        return await r.ReadJsonAsync(HttpStatusCode.OK);
    }
}
