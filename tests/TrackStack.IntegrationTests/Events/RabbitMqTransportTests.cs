using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Identity.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Probe;
using static TrackStack.IntegrationTests.Events.EventDeliveryTests;

namespace TrackStack.IntegrationTests.Events;

/// <summary>The split topology on a real RabbitMQ (ADR 30): a core process with every module and a probe process with
/// only the probe module, which handles Identity's UserRegistered; each on its own database, talking only through the
/// broker.</summary>
public sealed class RabbitMqTransportTests
{
    private static string NewExchange() => "ts-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task An_event_of_one_process_reaches_the_handler_in_another_exactly_once()
    {
        await using var broker = await RabbitMqServer.SharedAsync();
        var exchange = NewExchange();
        await using var hosts = await SplitHosts.StartAsync(shared: broker.Settings(exchange));
        var (_, userId) = await Accounts.RegisterAsync(hosts.Core, "over-the-broker@example.org");

        await WaitUntilAsync(() => SeenAsync(hosts.Probe, userId), seconds: 30);
        await using (var scope = hosts.Core.Services.CreateAsyncScope())
        {
            // Done means the broker confirmed it; the core's own Households consumer got it through the broker too.
            var row = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().SingleAsync();
            Assert.Equal((MessageStatus.Done, 1), (row.Status, row.Attempts));
            await WaitUntilAsync(async () => await scope.ServiceProvider.GetRequiredService<TrackStack.Households.Infrastructure.HouseholdsDb>()
                .Households.CountAsync(h => h.CreatedBy == userId) == 1, seconds: 30);
        }

        // A redelivery (the relay lost its lease, say) reaches the probe's queue again and has no second effect.
        await using (var scope = hosts.Core.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().SingleAsync();
            var transport = hosts.Core.Services.GetRequiredService<IEventTransport>();
            Assert.Equal(Delivery.Complete, await transport.PublishAsync(new EventEnvelope(row.Id, row.Type, row.Payload, row.OccurredAt, "identity"), CancellationToken.None));
        }
        await WaitUntilAsync(async () => await broker.MessageCountAsync($"{exchange}.probe") == 0);
        await Task.Delay(500);
        Assert.Equal(1, hosts.Probe.Services.GetRequiredService<ProbeBehaviour>().Calls);
        await using (var scope = hosts.Probe.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDb>();
            Assert.Equal(1, await db.Seen.CountAsync());
            Assert.Equal(MessageStatus.Done, (await db.Set<InboxMessage>().SingleAsync()).Status);
        }
        Assert.Equal(0u, await broker.MessageCountAsync($"{exchange}.probe.dead"));
    }

    [Fact]
    public async Task While_the_broker_is_down_events_stay_pending_and_the_health_check_says_so_then_they_are_delivered()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        await using var hosts = await SplitHosts.StartAsync(shared: broker.Settings(NewExchange()));
        using var client = hosts.Core.CreateClient();
        Assert.Equal("Healthy", await RabbitMqHealthAsync(client, HttpStatusCode.OK));

        await broker.StopAsync();
        var (_, userId) = await Accounts.RegisterAsync(hosts.Core, "during-the-outage@example.org");
        Assert.Equal("Unhealthy", await RabbitMqHealthAsync(client, HttpStatusCode.ServiceUnavailable));
        await Task.Delay(2000); // many relay polls
        await using (var scope = hosts.Core.Services.CreateAsyncScope())
        {
            // Pending, and no attempt counted: an outage never walks an event toward the dead-letter state.
            var row = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().SingleAsync();
            Assert.Equal((MessageStatus.Pending, 0), (row.Status, row.Attempts));
        }
        Assert.False(await SeenAsync(hosts.Probe, userId));

        await broker.StartAgainAsync();
        await WaitUntilAsync(() => SeenAsync(hosts.Probe, userId), seconds: 60);
        Assert.Equal("Healthy", await RabbitMqHealthAsync(client, HttpStatusCode.OK));
        Assert.Equal(1, hosts.Probe.Services.GetRequiredService<ProbeBehaviour>().Calls);
    }

    /// <summary>A consumer that cannot store a delivery in its module's inbox puts it back with a higher attempt count;
    /// after Messaging:MaxAttempts the broker moves it to the module's dead-letter queue. (A handler that throws is a
    /// different failure: the event is in the inbox by then, and it dead-letters there, as on the in-process transport.)</summary>
    [Fact]
    public async Task A_delivery_the_consumer_keeps_failing_to_store_ends_in_the_modules_dead_letter_queue()
    {
        await using var broker = await RabbitMqServer.SharedAsync();
        var exchange = NewExchange();
        var settings = broker.Settings(exchange);
        settings["Messaging:MaxAttempts"] = "3";
        var failing = new FailingInbox();
        await using var hosts = await SplitHosts.StartAsync(shared: settings, configureProbe: b =>
        {
            b.Services.RemoveAll<IInboxStore>();
            b.Services.AddSingleton<IInboxStore>(failing);
        });
        await Accounts.RegisterAsync(hosts.Core, "poison@example.org");

        await WaitUntilAsync(async () => await broker.MessageCountAsync($"{exchange}.probe.dead") == 1, seconds: 30);
        Assert.Equal(0u, await broker.MessageCountAsync($"{exchange}.probe"));
        Assert.Equal(3, failing.Calls);
        Assert.Contains(hosts.Probe.Logs.Entries, l => l.Message.Contains($"{exchange}.probe.dead", StringComparison.Ordinal));
    }

    /// <summary>ADR 13's promise: what a module subset held on the in-process transport goes out once it runs on the broker.</summary>
    [Fact]
    public async Task Events_held_by_a_subset_on_the_in_process_transport_go_out_once_it_runs_on_the_broker()
    {
        await using var broker = await RabbitMqServer.SharedAsync();
        var settings = broker.Settings(NewExchange());
        await using var identityDb = await TestDatabase.CreateAsync("sqlite");
        Guid userId;
        await using (var inProcess = await TestHost.StartAsync(identityDb, modules: TrackStack.Host.ModuleCatalog.Select("identity")))
        {
            (_, userId) = await Accounts.RegisterAsync(inProcess, "held-then-brokered@example.org");
            var identity = inProcess.Services.GetServices<IModuleMessaging>().Single(m => m.Module == "identity");
            await WaitUntilAsync(async () => (await identity.ListAsync(false, CancellationToken.None)).Any(m => m.Status == MessageStatus.Held));
        }

        await using var probeDb = await TestDatabase.CreateAsync("sqlite");
        var probeSettings = new Dictionary<string, string?>(settings) { ["Services:HouseholdsUrl"] = "http://127.0.0.1:9/", ["Services:IdentityUrl"] = "http://127.0.0.1:9/" };
        await using var probe = await TestHost.StartAsync(probeDb, probeSettings, [ProbeModule.Definition]);
        await using var onTheBroker = await TestHost.StartAsync(identityDb, settings, TrackStack.Host.ModuleCatalog.Select("identity"));
        await WaitUntilAsync(() => SeenAsync(probe, userId), seconds: 30);
        await using var scope = onTheBroker.Services.CreateAsyncScope();
        Assert.Equal(MessageStatus.Done, (await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<OutboxMessage>().SingleAsync()).Status);
    }

    private static async Task<bool> SeenAsync(TestHost probe, Guid userId)
    {
        await using var scope = probe.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDb>().Seen.AnyAsync(s => s.UserId == userId);
    }

    private static async Task<string> RabbitMqHealthAsync(ApiClient client, HttpStatusCode expected)
    {
        using var r = await client.GetAsync("/health/ready");
        var body = await r.ReadJsonAsync(expected);
        return body["checks"]!.AsArray().Single(c => c.Str("name") == "rabbitmq").Str("status");
    }

    private sealed class FailingInbox : IInboxStore
    {
        public int Calls;
        public Type ContextType => typeof(ProbeDb);
        public string Module => "probe";

        public Task StoreAsync(EventEnvelope envelope, IReadOnlyCollection<string> handlers, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("the probe's inbox is broken");
        }
    }
}
