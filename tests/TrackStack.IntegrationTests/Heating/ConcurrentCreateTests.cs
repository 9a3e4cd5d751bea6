using System.Net;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

/// <summary>An offline queue may replay a create while the first copy is still in flight: the same client id sent
/// several times at once is stored once, and every copy is answered with the same body (201 once, 200 for the rest).</summary>
public sealed class ConcurrentCreateTests
{
    private const int Copies = 6;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_client_id_sent_several_times_at_once_is_stored_once_and_answered_alike(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        await AssertStoredOnceAsync(owner, $"{api}/refills", new { id = Guid.NewGuid(), date = Today(-1), quantity = 2, note = "first fill" });
        await AssertStoredOnceAsync(owner, $"{api}/purchases", new { id = Guid.NewGuid(), date = Today(-1), quantity = 70, totalPriceCents = 40_000L, supplier = "Pellets & Co" });

        Assert.Equal(1, (await owner.GetJsonAsync($"{api}/refills"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await owner.GetJsonAsync($"{api}/purchases"))["total"]!.GetValue<int>());
        Assert.Single(await OutboxAsync(host, "heating.fuel-purchased.v1"));
    }

    private static async Task AssertStoredOnceAsync(ApiClient client, string url, object body)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => client.PostAsync(url, body)));
        try
        {
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK, $"{url} answered {(int)s}"));
            Assert.Single(statuses, HttpStatusCode.Created);
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        }
        finally
        {
            foreach (var r in responses) r.Dispose();
        }
    }
}
