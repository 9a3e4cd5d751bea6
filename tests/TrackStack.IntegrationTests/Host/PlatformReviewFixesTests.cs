using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Heating.Contracts;
using TrackStack.Heating.Infrastructure;
using TrackStack.Host;
using TrackStack.IntegrationTests.Expenses;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Probe;
using static TrackStack.IntegrationTests.Events.EventDeliveryTests;

namespace TrackStack.IntegrationTests.Host;

/// <summary>Findings of the review of the module template and platform work, each pinned by a test.</summary>
public sealed class PlatformReviewFixesTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Absurd_pages_and_dates_are_field_errors_not_server_errors(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var api = await ExpensesApi.SignUpAsync(host, "pages@example.org");
        var heating = $"/api/households/{api.HouseholdId}/heating";
        await api.AddAsync("2026-11-03", 100, "Shop");
        using (var r = await api.Client.PostAsync($"{heating}/refills", new { date = "2026-11-02", quantity = 2 })) await r.ExpectAsync(HttpStatusCode.Created);
        foreach (var url in new[] { $"{api.Base}/entries?page=2147483647", $"{api.Base}/checklist?page=2147483647", $"{heating}/refills?page=2147483647",
                     $"{heating}/temperatures?to=0001-01-01", $"{heating}/temperatures?from=9999-12-31", $"{heating}/analysis?to=9999-12-31", $"{heating}/refills?from=0001-01-01" })
        {
            using var r = await api.Client.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"GET {url} answered {(int)r.StatusCode}");
        }
    }

    /// <summary>The loser of a create race must not leave its other changes (an outbox event) for a later save.</summary>
    [Fact]
    public async Task A_lost_create_race_drops_everything_of_the_failed_save()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var household = Guid.NewGuid();
        var id = Guid.NewGuid();
        TrackStack.Heating.Domain.Refill Make() => new() { Id = id, HouseholdId = household, Date = new DateOnly(2026, 11, 1), Quantity = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using (var first = host.Services.CreateAsyncScope())
        {
            using var _ = first.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(household);
            await first.ServiceProvider.GetRequiredService<HeatingDb>().SaveNewAsync(Make(), true, CancellationToken.None);
        }
        await using var second = host.Services.CreateAsyncScope();
        using var __ = second.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(household);
        var heating = second.ServiceProvider.GetRequiredService<HeatingDb>();
        heating.PublishEvent(new FuelPurchaseDeleted(Guid.NewGuid(), DateTime.UtcNow, household, Guid.NewGuid(), 1));
        var (_, created) = await heating.SaveNewAsync(Make(), true, CancellationToken.None);
        Assert.False(created);
        Assert.DoesNotContain(heating.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        await heating.SaveChangesAsync();
        Assert.Equal(0, await heating.Set<OutboxMessage>().CountAsync(m => m.Type == "heating.fuel-purchase-deleted.v1"));
    }

    /// <summary>A handler whose own save hits a concurrency conflict failed: the attempt is counted and the error kept,
    /// instead of the row sitting claimed and unexplained.</summary>
    [Fact]
    public async Task A_handlers_own_concurrency_failure_is_retried_and_recorded()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "2" }, [.. ModuleCatalog.All, ProbeModule.Definition]);
        host.Services.GetRequiredService<ProbeBehaviour>().ThrowConcurrency = true;
        await Accounts.RegisterAsync(host, "conflicted@example.org");
        var probe = host.Services.GetServices<IModuleMessaging>().Single(m => m.Module == "probe");
        MessageInfo? dead = null;
        await WaitUntilAsync(async () => (dead = (await probe.ListAsync(true, CancellationToken.None)).SingleOrDefault()) is not null);
        Assert.Equal(2, dead!.Attempts);
        Assert.Contains(nameof(DbUpdateConcurrencyException), dead.LastError);
    }

    /// <summary>An event about a household that was deleted (late, or replayed from the dead letters) is dropped: it
    /// must not bring back a budget, a month or an entry.</summary>
    [Fact]
    public async Task Events_after_a_households_deletion_do_not_bring_it_back()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var leaving = await ExpensesApi.SignUpAsync(host, "gone@example.org");
        await leaving.AddAsync("2026-11-02", 1234, "Mine");
        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = Accounts.Password }) })
        using (var r = await leaving.Client.Http.SendAsync(request)) await r.ExpectAsync(HttpStatusCode.NoContent);
        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ExpensesDb>().IsHouseholdDeletedAsync(leaving.HouseholdId, CancellationToken.None);
        });

        var late = new FuelPurchased(Guid.NewGuid(), DateTime.UtcNow, leaving.HouseholdId, Guid.NewGuid(), new DateOnly(2026, 11, 3), 10, "bag", "woodPellets", 5000, null, Guid.NewGuid(), 1);
        await host.Services.GetRequiredService<IEventTransport>().PublishAsync(new EventEnvelope(late.EventId, EventTypeAttribute.NameOf(typeof(FuelPurchased)), EventSerializer.Serialize(late), late.OccurredAt, "heating"), CancellationToken.None);
        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ExpensesDb>().Set<InboxMessage>().AnyAsync(m => m.EventId == late.EventId && m.Status == MessageStatus.Done);
        });
        await using var check = host.Services.CreateAsyncScope();
        var expenses = check.ServiceProvider.GetRequiredService<ExpensesDb>();
        Assert.False(await expenses.Entries.IgnoreQueryFilters().AnyAsync(e => e.HouseholdId == leaving.HouseholdId));
        Assert.False(await expenses.Settings.IgnoreQueryFilters().AnyAsync(s => s.HouseholdId == leaving.HouseholdId));
        Assert.False(await expenses.FuelPurchases.IgnoreQueryFilters().AnyAsync(l => l.HouseholdId == leaving.HouseholdId));
        var tombstone = await expenses.Set<StoredHouseholdContext>().SingleAsync(c => c.HouseholdId == leaving.HouseholdId);
        Assert.Equal("", tombstone.Name); // the household's name does not outlive it
    }

    [Fact]
    public async Task Raw_inserts_refuse_rows_of_another_household_like_saves_do()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(Guid.NewGuid());
        var expenses = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
        await using var tx = await expenses.Database.BeginTransactionAsync();
        var foreign = new CategoryRule { Id = Guid.NewGuid(), HouseholdId = Guid.NewGuid(), Pattern = "x", CategoryId = Guid.NewGuid() };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => expenses.InsertIfMissingAsync([foreign], CancellationToken.None));
        Assert.Contains("while acting for household", error.Message);
    }
}
