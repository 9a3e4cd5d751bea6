using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Households.Infrastructure;
using TrackStack.IntegrationTests.Expenses;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Events.EventDeliveryTests;

namespace TrackStack.IntegrationTests.Households;

/// <summary>A deleted account leaves its households: a shared one keeps an owner, a household left empty is deleted
/// with every module's data of it.</summary>
public sealed class AccountDeletionTests
{
    [Fact]
    public async Task A_deleted_account_hands_ownership_on_and_its_empty_households_disappear_with_their_data()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var leaving = await ExpensesApi.SignUpAsync(host, "leaving@example.org");
        var (staying, stayingId) = await Accounts.RegisterAsync(host, "staying@example.org");
        var shared = await Accounts.CreateHouseholdAsync(leaving.Client, "Shared");
        await Accounts.JoinAsync(leaving.Client, shared, staying, "staying@example.org", "member");
        await leaving.AddAsync("2026-11-02", 1234, "Mine");
        using (var r = await leaving.Client.PostAsync($"/api/households/{shared}/expenses/entries", new { date = "2026-11-02", amountCents = 500, title = "Ours" })) await r.ExpectAsync(HttpStatusCode.Created);

        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = Accounts.Password }) })
        using (var r = await leaving.Client.Http.SendAsync(request)) await r.ExpectAsync(HttpStatusCode.NoContent);

        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
            return !await scope.ServiceProvider.GetRequiredService<HouseholdsDb>().Households.AnyAsync(h => h.Id == leaving.HouseholdId)
                   && !await expenses.Entries.IgnoreQueryFilters().AnyAsync(e => e.HouseholdId == leaving.HouseholdId)
                   && !await expenses.Categories.IgnoreQueryFilters().AnyAsync(c => c.HouseholdId == leaving.HouseholdId);
        });
        var members = (await staying.GetJsonAsync($"/api/households/{shared}/members")).AsArray();
        var heir = Assert.Single(members);
        Assert.Equal((stayingId.ToString(), "owner"), (heir.Str("userId"), heir.Str("role")));
        Assert.Equal(1, (await staying.GetJsonAsync($"/api/households/{shared}/expenses/entries"))["total"]!.GetValue<int>());
    }
}
