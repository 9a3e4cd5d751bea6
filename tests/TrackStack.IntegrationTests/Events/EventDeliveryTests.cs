using System.Net;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Host;
using TrackStack.Households.Infrastructure;
using TrackStack.Identity.Domain;
using TrackStack.Identity.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Probe;

namespace TrackStack.IntegrationTests.Events;

/// <summary>At-least-once delivery through the outbox, idempotent handling through the inbox.</summary>
public sealed class EventDeliveryTests
{
    private static readonly IReadOnlyList<BuildingBlocks.Modules.ModuleDefinition> WithProbe = [.. ModuleCatalog.All, ProbeModule.Definition];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_redelivered_event_has_no_second_effect(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (client, userId) = await Accounts.RegisterAsync(host, "twice@example.org");
        await Accounts.WaitForPersonalHouseholdAsync(client);

        var envelope = await UserRegisteredEnvelopeAsync(host.Services);
        var transport = host.Services.GetRequiredService<IEventTransport>();
        await transport.PublishAsync(envelope, CancellationToken.None);
        await transport.PublishAsync(envelope, CancellationToken.None);
        await Task.Delay(500); // give the worker time to (wrongly) act twice

        await using var scope = host.Services.CreateAsyncScope();
        var households = scope.ServiceProvider.GetRequiredService<HouseholdsDb>();
        Assert.Equal(1, await households.Households.CountAsync(h => h.CreatedBy == userId && h.IsPersonal));
        Assert.Equal(1, await households.Set<InboxMessage>().CountAsync(m => m.EventId == envelope.EventId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_event_committed_before_a_crash_is_delivered_after_the_restart(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Guid userId;
        await using (var stopped = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:RelayEnabled"] = "false" }))
        {
            ApiClient client;
            (client, userId) = await Accounts.RegisterAsync(stopped, "crash@example.org");
            await Task.Delay(300);
            Assert.Empty((await client.GetJsonAsync("/api/me"))["households"]!.AsArray());
            var pending = await stopped.Services.GetRequiredService<IEnumerable<IModuleMessaging>>().Single(m => m.Module == "identity").ListAsync(false, CancellationToken.None);
            Assert.Equal("identity.user-registered.v1", Assert.Single(pending).Type);
        } // the process "dies" with the event only in the outbox

        await using var restarted = await TestHost.StartAsync(db);
        var again = await Accounts.LoginAsync(restarted, "crash@example.org");
        await Accounts.WaitForPersonalHouseholdAsync(again);

        // The window after delivery but before the outbox row was marked: the relay sends it again.
        await using (var scope = restarted.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var row = await identity.Set<OutboxMessage>().SingleAsync(m => m.Type == "identity.user-registered.v1");
            row.Status = MessageStatus.Pending;
            await identity.SaveChangesAsync();
        }
        await using var third = await TestHost.StartAsync(db);
        await WaitUntilAsync(async () =>
        {
            await using var scope = third.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().AllAsync(m => m.Status == MessageStatus.Done);
        });
        await using (var scope = third.Services.CreateAsyncScope())
        {
            var households = scope.ServiceProvider.GetRequiredService<HouseholdsDb>();
            Assert.Equal(1, await households.Households.CountAsync(h => h.CreatedBy == userId));
        }
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_until_it_succeeds()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, modules: WithProbe);
        var behaviour = host.Services.GetRequiredService<ProbeBehaviour>();
        behaviour.FailuresLeft = 2;
        var (_, userId) = await Accounts.RegisterAsync(host, "flaky@example.org");

        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProbeDb>().Seen.AnyAsync(s => s.UserId == userId);
        });
        await using var check = host.Services.CreateAsyncScope();
        var inbox = await check.ServiceProvider.GetRequiredService<ProbeDb>().Set<InboxMessage>().SingleAsync();
        Assert.Equal(MessageStatus.Done, inbox.Status);
        Assert.Equal(3, inbox.Attempts);
        Assert.Equal(3, behaviour.Calls);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_is_dead_lettered_and_can_be_replayed()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "3" }, WithProbe);
        var behaviour = host.Services.GetRequiredService<ProbeBehaviour>();
        behaviour.AlwaysFail = true;
        var (client, userId) = await Accounts.RegisterAsync(host, "doomed@example.org");
        // The other module's handler is unaffected by the probe's failures.
        await Accounts.WaitForPersonalHouseholdAsync(client);

        var probe = host.Services.GetServices<IModuleMessaging>().Single(m => m.Module == "probe");
        MessageInfo? dead = null;
        await WaitUntilAsync(async () => (dead = (await probe.ListAsync(true, CancellationToken.None)).SingleOrDefault()) is not null);
        Assert.Equal(3, dead!.Attempts);
        Assert.Contains("probe told to fail", dead.LastError);
        Assert.Equal(3, behaviour.Calls);

        behaviour.AlwaysFail = false;
        Assert.Equal(1, await probe.ReplayAsync(dead.EventId, CancellationToken.None));
        await WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProbeDb>().Seen.AnyAsync(s => s.UserId == userId);
        });
        Assert.Empty(await probe.ListAsync(false, CancellationToken.None));
    }

    [Fact]
    public async Task Another_module_gets_household_access_control_from_the_shared_route_group()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, modules: WithProbe);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, viewerId) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (stranger, _) = await Accounts.RegisterAsync(host, "stranger@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Probe home");
        await Accounts.JoinAsync(owner, household, viewer, "viewer@example.org", "viewer");

        using (var r = await owner.PostAsync($"/api/households/{household}/probe/items", new { name = "kettle" })) await r.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("kettle", (await viewer.GetJsonAsync($"/api/households/{household}/probe/items")).AsArray().Single()!.GetValue<string>());
        using (var r = await viewer.PostAsync($"/api/households/{household}/probe/items", new { name = "toaster" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await stranger.GetAsync($"/api/households/{household}/probe/items")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var anonymous = host.CreateClient())
        using (var r = await anonymous.GetAsync($"/api/households/{household}/probe/items")) await r.ExpectAsync(HttpStatusCode.Unauthorized);

        using (var r = await owner.DeleteAsync($"/api/households/{household}/members/{viewerId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await viewer.GetAsync($"/api/households/{household}/probe/items")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    private static async Task<EventEnvelope> UserRegisteredEnvelopeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Type == "identity.user-registered.v1");
        return new EventEnvelope(row.Id, row.Type, row.Payload, row.OccurredAt, "identity");
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(50);
        }
    }
}
