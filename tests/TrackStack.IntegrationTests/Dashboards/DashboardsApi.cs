using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Dashboards;

/// <summary>Steps the dashboards tests share.</summary>
internal static class DashboardsApi
{
    public static string Api(Guid household) => $"/api/households/{household}/dashboards";

    public static object Widget(string kind = "line", string metric = "signups", double? target = null, Guid? id = null, int width = 2,
        string range = "last-30-days", string? groupBy = null, string[]? where = null) =>
        new { id, kind, title = $"{kind} of {metric}", width, query = new { metric, agg = "sum", bucket = "day", range, groupBy, where }, target };

    public static async Task<JsonNode> CreateAsync(ApiClient client, Guid household, string name = "Shop", string? template = null)
    {
        using var r = await client.PostAsync(Api(household), new { name, template });
        return await r.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonObject> ErrorsAsync(HttpResponseMessage r) =>
        (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
}
