using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>A purchase's events carry its version, so a consumer can order them when their times cannot (Expenses
/// dropped a change that arrived with the same OccurredAt as the one before).</summary>
public sealed class PurchaseVersionTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_purchase_changed_twice_within_the_same_millisecond_sends_versions_1_2_3_in_order(string provider)
    {
        // The clock stands still: every event of the purchase has the same OccurredAt.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        var id = Guid.NewGuid();

        using (var r = await owner.PostAsync($"{api}/purchases", new { id, date = Today(-2), quantity = 70, totalPriceCents = 40_000L })) await r.ExpectAsync(HttpStatusCode.Created);
        foreach (var price in new[] { 41_000L, 42_000L })
        {
            using var r = await owner.PutAsync($"{api}/purchases/{id}", new { date = Today(-2), quantity = 70, totalPriceCents = price });
            await r.ExpectAsync(HttpStatusCode.OK);
        }
        using (var r = await owner.DeleteAsync($"{api}/purchases/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);

        var events = new List<(string Type, JsonNode Payload)>();
        foreach (var type in new[] { "heating.fuel-purchased.v1", "heating.fuel-purchase-changed.v1", "heating.fuel-purchase-deleted.v1" })
        {
            events.AddRange((await OutboxAsync(host, type)).Select(m => (type, JsonNode.Parse(m.Payload)!)));
        }
        Assert.Single(events.Select(e => e.Payload.Str("occurredAt")).Distinct());
        Assert.Equal(
            [("heating.fuel-purchased.v1", 1L, (long?)40_000L), ("heating.fuel-purchase-changed.v1", 2L, 41_000L),
             ("heating.fuel-purchase-changed.v1", 3L, 42_000L), ("heating.fuel-purchase-deleted.v1", 4L, null)],
            events.Select(e => (e.Type, e.Payload["version"]!.GetValue<long>(), e.Payload["totalPriceCents"]?.GetValue<long>()))
                .OrderBy(e => e.Item2));
    }
}
