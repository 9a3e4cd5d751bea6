using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TrackStack.Training.Domain;

namespace TrackStack.Benchmarks;

/// <summary>Five years of four workouts a week (five exercises × four sets each), imported as one Hevy export,
/// then the latency of an exercise's history, the records and logging a workout (which detects records).</summary>
internal static class TrainingBench
{
    private static readonly string[] Exercises =
        ["Bench Press (Barbell)", "Squat (Barbell)", "Deadlift (Barbell)", "Overhead Press (Barbell)", "Bent Over Row (Barbell)", "Lat Pulldown (Cable)", "Leg Press (Machine)", "Bicep Curl (Dumbbell)"];

    public static async Task<(int Workouts, int Sets)> SeedAsync(BenchHost host)
    {
        var csv = new StringBuilder("title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n");
        var last = ExpensesBench.LastDay;
        var day = last.AddYears(-ExpensesBench.Years);
        var random = new Random(7);
        int workouts = 0, sets = 0;
        for (; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Wednesday or DayOfWeek.Saturday or DayOfWeek.Sunday) continue; // four a week
            var start = day.ToDateTime(new TimeOnly(18, 0));
            var stamp = start.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
            var end = start.AddMinutes(70).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
            var progress = workouts / 1040.0; // weights climb over the years
            for (var e = 0; e < 5; e++)
            {
                var exercise = Exercises[(workouts + e) % Exercises.Length];
                for (var s = 0; s < 4; s++)
                {
                    var kg = Math.Round((40 + (60 * progress) + random.Next(-5, 6)) * 2) / 2;
                    csv.Append(CultureInfo.InvariantCulture, $"\"Session {workouts}\",\"{stamp}\",\"{end}\",\"\",\"{exercise}\",,\"\",{s},normal,{kg},{random.Next(5, 13)},,,\n");
                    sets++;
                }
            }
            workouts++;
        }
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "hevy.csv");
        using var response = await host.Client.PostAsync($"/api/households/{host.HouseholdId}/training/imports", form);
        await Measure.EnsureOkAsync(response);
        return (workouts, sets);
    }

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, int samples)
    {
        var baseUrl = $"/api/households/{host.HouseholdId}/training";
        var bench = ExerciseLibrary.FindByName("Bench Press (Barbell)")!.Id;
        var history = await Measure.LatencyAsync("GET training/exercises/{id}/history (5 years, page of 50)", 5, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/exercises/{bench}/history");
            r.EnsureSuccessStatusCode();
        });
        var records = await Measure.LatencyAsync("GET training/records (5 years, 8 exercises)", 5, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"{baseUrl}/records");
            r.EnsureSuccessStatusCode();
        });
        var at = DateTime.UtcNow.AddDays(-1);
        var log = await Measure.LatencyAsync("POST training/workouts (20 sets, records detected over 5 years)", 2, Math.Max(10, samples / 5), async () =>
        {
            at = at.AddMinutes(1);
            using var r = await host.Client.PostAsJsonAsync($"{baseUrl}/workouts", new
            {
                name = "Bench", startedAt = at,
                sets = Enumerable.Range(0, 20).Select(i => new { exerciseId = bench, weightKg = 60 + i, reps = 5 }).ToArray(),
            });
            r.EnsureSuccessStatusCode();
        });
        return [history.ToString(), records.ToString(), log.ToString()];
    }
}
