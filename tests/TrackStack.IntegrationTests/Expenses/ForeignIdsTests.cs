using System.Net;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Every expenses resource with an id answers 404 when the id belongs to another household, and the
/// other household's data is unchanged afterwards.</summary>
public sealed class ForeignIdsTests
{
    [Fact]
    public async Task Ids_of_another_household_are_not_found_anywhere_and_stay_untouched()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var alice = await SignUpAsync(host, "alice@example.org");
        var mallory = await SignUpAsync(host, "mallory@example.org");
        var category = await alice.CategoryAsync("Housing");

        async Task<string> CreateAsync(string path, object body)
        {
            using var r = await alice.Client.PostAsync($"{alice.Base}{path}", body);
            return (await r.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        }
        var checklist = await CreateAsync("/checklist", new { title = "Rent", amountCents = 80000, categoryId = category });
        var recurring = await CreateAsync("/recurring", new { title = "Netflix", amountCents = 1299, frequency = "monthly", day = 1, startDate = "2030-01-01" });
        var rule = await CreateAsync("/rules", new { pattern = "landlord", categoryId = category });
        var import = (await alice.ImportAsync(Encoding.UTF8.GetBytes("Date,Payee,Amount\n2026-11-02,Shop,-5.00\n"), "a.csv"))["importId"]!.GetValue<string>();
        using (var r = await alice.Client.PostAsync($"{alice.Base}/months/2030-02/open")) await r.ExpectAsync(HttpStatusCode.OK);
        var obligation = (await alice.Client.GetJsonAsync($"{alice.Base}/months/2030-02/obligations")).AsArray().Single()!.Str("id");

        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Put, $"/checklist/{checklist}", new { title = "x", amountCents = 1 }),
            (HttpMethod.Delete, $"/checklist/{checklist}", null),
            (HttpMethod.Put, $"/recurring/{recurring}", new { title = "x", amountCents = 1, frequency = "monthly", day = 1, startDate = "2030-01-01" }),
            (HttpMethod.Delete, $"/recurring/{recurring}", null),
            (HttpMethod.Put, $"/rules/{rule}", new { pattern = "x", categoryId = category }),
            (HttpMethod.Delete, $"/rules/{rule}", null),
            (HttpMethod.Delete, $"/imports/{import}", null),
            (HttpMethod.Delete, $"/categories/{category}", null),
            (HttpMethod.Post, $"/months/2030-02/obligations/{obligation}/tick", new { }),
            (HttpMethod.Post, $"/months/2030-02/obligations/{obligation}/untick", new { }),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, $"{mallory.Base}{path}");
            if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
            using var r = await mallory.Client.Http.SendAsync(request);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)r.StatusCode}");
        }

        Assert.Single((await alice.Client.GetJsonAsync($"{alice.Base}/checklist"))["items"]!.AsArray());
        Assert.Single((await alice.Client.GetJsonAsync($"{alice.Base}/recurring"))["items"]!.AsArray());
        Assert.Single((await alice.Client.GetJsonAsync($"{alice.Base}/rules"))["items"]!.AsArray());
        Assert.Single((await alice.Client.GetJsonAsync($"{alice.Base}/imports"))["items"]!.AsArray());
        Assert.Equal("pending", (await alice.Client.GetJsonAsync($"{alice.Base}/months/2030-02/obligations")).AsArray().Single()!.Str("status"));
        Assert.Equal(1, (await alice.Client.GetJsonAsync($"{alice.Base}/entries"))["total"]!.GetValue<int>());
    }
}
