using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Metrics;

namespace TrackStack.IntegrationTests.Host;

/// <summary>Data in every module of a monolith, made through its HTTP API, and the route values (by route parameter
/// name) that reach it, for the data-bridge comparison.</summary>
internal static class BridgeData
{
    public static async Task<(ApiClient Ada, Dictionary<string, string> Routes)> SeedAsync(TestHost host)
    {
        var (ada, adaId) = await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
        await Accounts.WaitForPersonalHouseholdAsync(ada);
        var home = await Accounts.CreateHouseholdAsync(ada, "Home", "UTC");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org", "Bob");
        await Accounts.JoinAsync(ada, home, bob, "bob@example.org", "member");
        using (var invite = await ada.PostAsync($"/api/households/{home}/invites", new { email = "carol@example.org", role = "viewer" })) await invite.ExpectAsync(HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int plus) => today.AddDays(plus).ToString("yyyy-MM-dd");
        var routes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["householdId"] = home.ToString(), ["userId"] = adaId.ToString(), ["month"] = today.ToString("yyyy-MM"),
        };
        async Task<string> Create(string path, object body, string? route = null)
        {
            using var r = await ada.PostAsync(path, body);
            var created = await r.ReadJsonAsync(HttpStatusCode.Created);
            var id = created["id"]?.ToString() ?? "";
            if (route is not null) routes[route] = id;
            return id;
        }

        var api = $"/api/households/{home}";
        await Create($"{api}/expenses/entries", new { date = Day(0), amountCents = 1250, title = "Groceries", tags = new[] { "food" } }, "entryId");
        await Create($"{api}/expenses/entries", new { date = Day(-3), amountCents = -250000, title = "Salary" });
        await Create($"{api}/expenses/entries", new { date = Day(-40), amountCents = 4999, title = "Train ticket" });

        using (var r = await ada.PutAsync($"{api}/heating/settings", new { fuel = "woodPellets", baseTemperatureC = 16.5 })) await r.ExpectAsync(HttpStatusCode.OK);
        await Create($"{api}/heating/purchases", new { date = Day(-20), quantity = 60 }, "purchaseId");
        await Create($"{api}/heating/refills", new { date = Day(-10), quantity = 3 }, "refillId");
        await Create($"{api}/heating/refills", new { date = Day(-2), quantity = 2 });

        var food = await Create($"{api}/nutrition/foods", new { name = "Oat flakes", kcal = 370, protein = 13, fat = 7, carbs = 59 }, "foodId");
        await Create($"{api}/nutrition/recipes", new { title = "Porridge", servings = 2, ingredients = new[] { new { text = "100 g oat flakes", foodId = (string?)food } } }, "recipeId");
        await Create($"{api}/nutrition/log", new { date = Day(0), meal = "breakfast", label = "Coffee", kcal = 5 });

        var squat = TrackStack.Training.Domain.ExerciseLibrary.FindByName("Squat (Barbell)")!.Id.ToString();
        routes["exerciseId"] = squat;
        var started = DateTime.UtcNow.AddHours(-5);
        await Create($"{api}/training/workouts", new
        {
            name = "Legs", startedAt = started.ToString("o"), endedAt = started.AddMinutes(45).ToString("o"),
            sets = new[] { new { exerciseId = squat, weightKg = 100.5, reps = 5, kind = "working" }, new { exerciseId = squat, weightKg = 60.0, reps = 8, kind = "warmUp" } },
        }, "workoutId");
        await Create($"{api}/training/body-weight", new { date = Day(-1), weightKg = 71.3 });

        var product = await MetricsApi.ProductAsync(ada, home, "Shop");
        routes["productId"] = product.ToString();
        var (_, key) = await MetricsApi.KeyAsync(ada, home, product);
        using (var http = MetricsApi.KeyClient(host))
        {
            var at = DateTime.UtcNow.AddHours(-2);
            var points = Enumerable.Range(0, 12).Select(i => new { metric = "signups", value = i % 4 + 0.25, timestamp = at.AddMinutes(-i * 37).ToString("o"), tags = new { plan = i % 2 == 0 ? "pro" : "free" } }).ToArray();
            await MetricsApi.IngestAsync(http, key, new { points }).ReadAsync(HttpStatusCode.Accepted);
        }
        await Create($"{api}/metrics/alerts", new { name = "Many signups", metric = "signups", agg = "sum", kind = "above", threshold = 100, window = "1d", productId = product }, "ruleId");

        var dashboard = await Create($"{api}/dashboards", new { name = "Shop" }, "dashboardId");
        await Create($"{api}/reports/schedules", new { name = "Daily shop", dashboardId = dashboard, frequency = "daily", sendAt = "08:00" }, "id");
        routes["kind"] = "expenses-month";
        routes["day"] = "0";
        return (ada, routes);
    }
}
