using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Short calls for the expenses tests: a signed-in member and their household.</summary>
public sealed class ExpensesApi(ApiClient client, Guid householdId)
{
    public ApiClient Client { get; } = client;
    public Guid HouseholdId { get; } = householdId;
    public string Base => $"/api/households/{HouseholdId}/expenses";

    public static async Task<ExpensesApi> SignUpAsync(TestHost host, string email)
    {
        var (client, _) = await Accounts.RegisterAsync(host, email);
        return new ExpensesApi(client, await Accounts.WaitForPersonalHouseholdAsync(client));
    }

    public async Task<Guid> CategoryAsync(string name)
    {
        var categories = await Client.GetJsonAsync($"{Base}/categories");
        return Guid.Parse(categories.AsArray().Single(c => c.Str("name") == name).Str("id"));
    }

    public async Task<JsonNode> AddAsync(string date, long cents, string title, Guid? category = null, string[]? tags = null, Guid? id = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var r = await Client.PostAsync($"{Base}/entries", new { id, date, amountCents = cents, title, categoryId = category, tags });
        return await r.ReadJsonAsync(expected);
    }

    public Task<JsonNode> MonthAsync(string month) => Client.GetJsonAsync($"{Base}/months/{month}");

    public async Task<JsonNode> ImportAsync(byte[] file, string name, IDictionary<string, string>? fields = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        foreach (var (k, v) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(v), k);
        using var r = await Client.Http.PostAsync($"{Base}/imports", form);
        return await r.ReadJsonAsync(expected);
    }

    public static JsonNode Tank(JsonNode summary, string key) => summary["tanks"]!.AsArray().Single(t => t.Str("key") == key)!;

    public static long Cents(JsonNode? node, string name) => node![name]!.GetValue<long>();
}
