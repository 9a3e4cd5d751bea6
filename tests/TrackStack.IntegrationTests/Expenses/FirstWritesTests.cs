using System.Net;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Heating.Contracts;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Events.EventDeliveryTests;

namespace TrackStack.IntegrationTests.Expenses;

/// <summary>Defaults and month sheets are created by the first write, never by a read, and never twice.</summary>
public sealed class FirstWritesTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Parallel_first_writes_into_a_month_nobody_opened_all_succeed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await ExpensesApi.SignUpAsync(host, "parallel@example.org");
        var statuses = await Task.WhenAll(Enumerable.Range(1, 10).Select(async i =>
        {
            using var r = await api.Client.PostAsync($"{api.Base}/entries", new { date = "2031-03-05", amountCents = 100 * i, title = $"Shop {i}" });
            return r.StatusCode;
        }));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var sheet = await api.MonthAsync("2031-03");
        Assert.Equal(("open", 5500L), (sheet.Str("status"), sheet["spentCents"]!.GetValue<long>()));
    }

    /// <summary>With the events held back, Expenses has never heard of the household: reads show the defaults and
    /// store nothing; the first write stores the very categories the read showed.</summary>
    [Fact]
    public async Task Reads_store_nothing_and_the_first_write_stores_the_defaults_they_showed()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:RelayEnabled"] = "false" });
        var (client, _) = await Accounts.RegisterAsync(host, "lazy@example.org");
        var household = await Accounts.CreateHouseholdAsync(client, "Lazy");
        var api = new ExpensesApi(client, household);

        var settings = await client.GetJsonAsync($"{api.Base}/settings");
        Assert.Equal(["fund", "fun", "future"], settings["tanks"]!.AsArray().Select(t => t.Str("key")));
        var categories = await client.GetJsonAsync($"{api.Base}/categories");
        var groceries = Guid.Parse(categories.AsArray().Single(c => c.Str("name") == "Groceries").Str("id"));
        Assert.Equal("notOpened", (await api.MonthAsync("2026-11")).Str("status"));
        Assert.Empty((await client.GetJsonAsync($"{api.Base}/months/2026-11/obligations")).AsArray());
        Assert.Equal(0, await CountAsync(host, household));

        await api.AddAsync("2026-11-03", 1250, "Market", groceries);
        Assert.True(await CountAsync(host, household) > 0);
        Assert.Equal(groceries, await api.CategoryAsync("Groceries"));
        var sheet = await api.MonthAsync("2026-11");
        Assert.Equal(1250L, sheet["tanks"]!.AsArray().Single(t => t.Str("key") == "fund")!["spentCents"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_budget_setup_never_commits_on_its_own()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(Guid.NewGuid());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<BudgetSetup>().EnsureAsync(CancellationToken.None));
        Assert.Contains("caller's transaction", error.Message);
    }

    /// <summary>Two changes of one purchase in the same millisecond arrive out of order: the purchase's version,
    /// not the time, decides which one stands.</summary>
    [Fact]
    public async Task Purchase_events_are_ordered_by_version_not_by_time()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var api = await ExpensesApi.SignUpAsync(host, "versions@example.org");
        var purchase = Guid.NewGuid();
        var at = DateTime.UtcNow;
        var transport = host.Services.GetRequiredService<IEventTransport>();
        async Task SendAsync(IIntegrationEvent e) => await transport.PublishAsync(new EventEnvelope(e.EventId, EventTypeAttribute.NameOf(e.GetType()), EventSerializer.Serialize(e), e.OccurredAt, "heating"), CancellationToken.None);

        await SendAsync(new FuelPurchased(Guid.NewGuid(), at, api.HouseholdId, purchase, new DateOnly(2026, 11, 2), 10, "bag", "woodPellets", 5000, null, Guid.NewGuid(), Version: 1));
        await SendAsync(new FuelPurchaseChanged(Guid.NewGuid(), at, api.HouseholdId, purchase, new DateOnly(2026, 11, 2), 30, "bag", "woodPellets", 15000, null, Guid.NewGuid(), Version: 3));
        await WaitUntilAsync(async () => (await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating"))["totalCents"]!.GetValue<long>() == 15000);
        var older = new FuelPurchaseChanged(Guid.NewGuid(), at, api.HouseholdId, purchase, new DateOnly(2026, 11, 2), 20, "bag", "woodPellets", 10000, null, Guid.NewGuid(), Version: 2);
        await SendAsync(older);
        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ExpensesDb>().Set<InboxMessage>().AnyAsync(m => m.EventId == older.EventId && m.Status == MessageStatus.Done);
        });
        var entries = await api.Client.GetJsonAsync($"{api.Base}/entries?kind=heating");
        Assert.Equal((1, 15000L), (entries["total"]!.GetValue<int>(), entries["totalCents"]!.GetValue<long>()));
    }

    private static async Task<int> CountAsync(TestHost host, Guid household)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
        return await expenses.Settings.IgnoreQueryFilters().CountAsync(s => s.HouseholdId == household)
               + await expenses.Categories.IgnoreQueryFilters().CountAsync(c => c.HouseholdId == household)
               + await expenses.Months.IgnoreQueryFilters().CountAsync(m => m.HouseholdId == household);
    }
}
