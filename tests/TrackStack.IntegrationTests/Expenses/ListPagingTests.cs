using System.Net;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Expenses.ExpensesApi;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Every list answers one page ({items, page, pageSize, total}), never an unbounded array.</summary>
public sealed class ListPagingTests
{
    [Fact]
    public async Task Checklist_recurring_rules_and_imports_are_paged()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await SignUpAsync(host, "pages@example.org");
        var category = await api.CategoryAsync("Housing");
        for (var i = 1; i <= 3; i++)
        {
            using (var r = await api.Client.PostAsync($"{api.Base}/checklist", new { title = $"Bill {i}", amountCents = 1000 * i, categoryId = category, sortOrder = i })) await r.ExpectAsync(HttpStatusCode.Created);
            using (var r = await api.Client.PostAsync($"{api.Base}/recurring", new { title = $"Sub {i}", amountCents = 100 * i, frequency = "monthly", day = i, startDate = "2031-01-01" })) await r.ExpectAsync(HttpStatusCode.Created);
            using (var r = await api.Client.PostAsync($"{api.Base}/rules", new { pattern = $"shop {i}", categoryId = category, priority = i })) await r.ExpectAsync(HttpStatusCode.Created);
            await api.ImportAsync(Encoding.UTF8.GetBytes($"Date,Payee,Amount\n2026-11-0{i},Shop {i},-5.00\n"), $"{i}.csv");
        }

        foreach (var list in new[] { "checklist", "recurring", "rules", "imports" })
        {
            var first = await api.Client.GetJsonAsync($"{api.Base}/{list}?pageSize=2");
            Assert.Equal((3, 1, 2, 2), (first["total"]!.GetValue<int>(), first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>(), first["items"]!.AsArray().Count));
            var second = await api.Client.GetJsonAsync($"{api.Base}/{list}?pageSize=2&page=2");
            var rest = Assert.Single(second["items"]!.AsArray());
            Assert.DoesNotContain(first["items"]!.AsArray(), x => x.Str("id") == rest.Str("id"));
            using var bad = await api.Client.GetAsync($"{api.Base}/{list}?pageSize=501");
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
        }
        var checklist = await api.Client.GetJsonAsync($"{api.Base}/checklist");
        Assert.Equal(["Bill 1", "Bill 2", "Bill 3"], checklist["items"]!.AsArray().Select(x => x.Str("title")));
    }
}
