using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Metrics;

/// <summary>Steps the metrics tests share: a household with a product, keys, and requests made with a key only
/// (no cookies, so nothing but the key can authenticate them).</summary>
internal static class MetricsApi
{
    public static string Api(Guid household) => $"/api/households/{household}/metrics";

    /// <summary>A household in UTC (the default would be the server's zone).</summary>
    public static Task<Guid> HouseholdAsync(ApiClient client, string name, string timeZone = "UTC") => Accounts.CreateHouseholdAsync(client, name, timeZone);

    public static async Task<Guid> ProductAsync(ApiClient admin, Guid household, string name = "Shop")
    {
        using var r = await admin.PostAsync($"{Api(household)}/products", new { name });
        return Guid.Parse((await r.ReadJsonAsync(HttpStatusCode.Created)).Str("id"));
    }

    public static async Task<(Guid Id, string Secret)> KeyAsync(ApiClient admin, Guid household, Guid product, params string[] scopes)
    {
        using var r = await admin.PostAsync($"{Api(household)}/products/{product}/keys", new { name = "script", scopes = scopes.Length == 0 ? ["ingest"] : scopes });
        var body = await r.ReadJsonAsync(HttpStatusCode.Created);
        return (Guid.Parse(body["key"]!.Str("id")), body.Str("secret"));
    }

    /// <summary>An owner with a household, one product in it and an ingest key: what most ingest tests start from.</summary>
    public static async Task<(ApiClient Owner, Guid Home, Guid Product, string Key)> KeyedProductAsync(
        TestHost host, string household = "Shop", string product = "Shop")
    {
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, household);
        var id = await ProductAsync(owner, home, product);
        var (_, key) = await KeyAsync(owner, home, id);
        return (owner, home, id, key);
    }

    public static HttpClient KeyClient(TestHost host) => new() { BaseAddress = host.BaseAddress };

    public static Task<HttpResponseMessage> IngestAsync(HttpClient http, string? key, object body, string scheme = "Bearer", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = JsonContent.Create(body) };
        Authenticate(request, key, scheme);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> WriteAsync(HttpClient http, string? key, string path, string lines, string scheme = "Token")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(lines, Encoding.UTF8, "text/plain") };
        Authenticate(request, key, scheme);
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> KeyGetAsync(HttpClient http, string key, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        Authenticate(request, key, "Bearer");
        return http.SendAsync(request);
    }

    private static void Authenticate(HttpRequestMessage request, string? key, string scheme)
    {
        if (key is null) return;
        if (scheme == "X-Api-Key") request.Headers.Add("X-Api-Key", key);
        else request.Headers.Authorization = new AuthenticationHeaderValue(scheme, key);
    }

    public static async Task<JsonNode> ReadAsync(this Task<HttpResponseMessage> send, HttpStatusCode expected)
    {
        using var r = await send;
        return await r.ReadJsonAsync(expected);
    }

    public static async Task ExpectAsync(this Task<HttpResponseMessage> send, HttpStatusCode expected)
    {
        using var r = await send;
        await r.ExpectAsync(expected);
    }

    /// <summary>The points of the only (or the named) series of a query answer, as (start, value).</summary>
    public static List<(string Start, double Value)> Points(JsonNode answer, string? group = null) =>
        answer["series"]!.AsArray().Single(s => s!["group"]?.GetValue<string>() == group)!["points"]!.AsArray()
            .Select(p => (p!.Str("start"), p!["value"]!.GetValue<double>())).ToList();
}
