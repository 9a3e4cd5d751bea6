using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Nutrition.Infrastructure;

namespace TrackStack.IntegrationTests.Nutrition;

internal static class NutritionApi
{
    public static string Api(Guid household) => $"/api/households/{household}/nutrition";

    /// <summary>Alice (owner) with Bob (member) and a viewer in "Home", and a stranger with a household of their own.</summary>
    public sealed record Cast(ApiClient Alice, Guid AliceId, ApiClient Bob, ApiClient Viewer, ApiClient Stranger, Guid Home, Guid Other);

    public static async Task<Cast> CastAsync(TestHost host)
    {
        var (alice, aliceId) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (bob, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (stranger, _) = await Accounts.RegisterAsync(host, "stranger@example.org");
        var home = await Accounts.CreateHouseholdAsync(alice, "Home", "UTC");
        var other = await Accounts.CreateHouseholdAsync(stranger, "Other", "UTC");
        await Accounts.JoinAsync(alice, home, bob, "bob@example.org", "member");
        await Accounts.JoinAsync(alice, home, viewer, "viewer@example.org", "viewer");
        return new Cast(alice, aliceId, bob, viewer, stranger, home, other);
    }

    public static string Today(int plusDays = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(plusDays).ToString("yyyy-MM-dd");

    public static double Num(this JsonNode? node, string name) => node![name]!.GetValue<double>();

    public static async Task<JsonArray> SearchAsync(ApiClient client, Guid home, string q) =>
        (await client.GetJsonAsync($"{Api(home)}/foods?q={Uri.EscapeDataString(q)}&limit=50")).AsArray();

    public static async Task<JsonNode> PostOkAsync(ApiClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var r = await client.PostAsync(path, body);
        return await r.ReadJsonAsync(expected);
    }

    public static async Task<JsonObject> ErrorsAsync(HttpResponseMessage r) =>
        (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();

    public static async Task<List<OutboxMessage>> OutboxAsync(TestHost host, string type)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NutritionDb>();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
    }

    public static async Task<int> BuiltInCountAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NutritionDb>().BuiltInFoods.CountAsync();
    }
}
