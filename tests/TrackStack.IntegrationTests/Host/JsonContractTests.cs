using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>Numbers on the wire are JSON numbers, in both directions, and the OpenAPI document says so.</summary>
public sealed class JsonContractTests
{
    [Fact]
    public async Task A_number_sent_as_a_string_is_a_clear_400_and_the_document_types_numbers_as_numbers()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "numbers@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Numbers");

        using var content = new StringContent("""{"date":"2026-11-02","amountCents":"1234","title":"Shop"}""", Encoding.UTF8, "application/json");
        using (var r = await owner.Http.PostAsync($"/api/households/{household}/expenses/entries", content))
        {
            await r.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        }
        using (var r = await owner.PostAsync($"/api/households/{household}/expenses/entries", new { date = "2026-11-02", amountCents = 1234, title = "Shop" }))
        {
            await r.ExpectAsync(HttpStatusCode.Created);
        }

        using var client = host.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var mixed = MixedTypes(doc, "$").ToList();
        Assert.True(mixed.Count == 0, "Numbers typed as number-or-string: " + string.Join(", ", mixed.Take(10)));

        // Every household route documents its householdId, also when the handler itself does not bind it.
        var undocumented = doc["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/households/{householdId}", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Value!["parameters"]?.AsArray().Any(x => x!["name"]?.GetValue<string>() == "householdId" && x["in"]?.GetValue<string>() == "path") != true)
                .Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))
            .ToList();
        Assert.True(undocumented.Count == 0, "Without the householdId path parameter: " + string.Join(", ", undocumented));
    }

    /// <summary>Paths of schemas whose "type" allows both a number and a string.</summary>
    private static IEnumerable<string> MixedTypes(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonArray types)
                {
                    var names = types.Select(t => t?.GetValue<string>()).ToList();
                    if (names.Contains("string") && (names.Contains("integer") || names.Contains("number"))) yield return path;
                }
                foreach (var (key, value) in o)
                    foreach (var hit in MixedTypes(value, path + "." + key)) yield return hit;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var hit in MixedTypes(a[i], $"{path}[{i}]")) yield return hit;
                break;
        }
    }
}
