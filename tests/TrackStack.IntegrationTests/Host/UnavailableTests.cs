using System.Net;
using TrackStack.IntegrationTests.Expenses;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>The database going away (a restart, a failover) is a 503 with Retry-After that clients retry, never a 500
/// or a 401 that would sign the web app out; once it is back the same requests work and nothing was half-written.
/// Found by the cluster's fault drill, where PostgreSQL stops for 10 s under load.</summary>
public sealed class UnavailableTests
{
    [Fact]
    public async Task While_PostgreSQL_refuses_connections_requests_are_503s_to_retry_and_afterwards_they_work()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var expenses = new ExpensesApi(owner, home);
        var groceries = await expenses.CategoryAsync("Groceries");
        await expenses.AddAsync("2026-11-10", 1250, "Market", groceries);

        await db.RefuseConnectionsAsync();
        try
        {
            using (var write = await owner.PostAsync($"{expenses.Base}/entries", new { date = "2026-11-11", amountCents = 500, title = "Bakery", categoryId = groceries }))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
                Assert.Equal("5", write.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Temporarily unavailable", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using (var read = await owner.GetAsync($"{expenses.Base}/entries?month=2026-11"))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        }
        finally
        {
            await db.AcceptConnectionsAsync();
        }

        var list = await owner.GetJsonAsync($"{expenses.Base}/entries?month=2026-11");
        Assert.Equal(["Market"], list["items"]!.AsArray().Select(i => i!.Str("title")));
        await expenses.AddAsync("2026-11-11", 500, "Bakery", groceries);
    }
}
