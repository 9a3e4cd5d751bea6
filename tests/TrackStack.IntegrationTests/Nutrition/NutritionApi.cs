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
