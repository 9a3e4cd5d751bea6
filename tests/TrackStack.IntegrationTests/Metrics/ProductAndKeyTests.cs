using System.Net;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Metrics.Domain;
using TrackStack.Metrics.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

public sealed class ProductAndKeyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Admins_manage_products_members_and_viewers_read_them_and_other_households_see_404(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "member@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (mallory, _) = await Accounts.RegisterAsync(host, "mallory@example.org");
        var team = await Accounts.CreateHouseholdAsync(owner, "Team");
        await Accounts.JoinAsync(owner, team, member, "member@example.org", "member");
        await Accounts.JoinAsync(owner, team, viewer, "viewer@example.org", "viewer");
        var theirs = await Accounts.CreateHouseholdAsync(mallory, "Mallory's");
        var api = Api(team);

        using (var r = await owner.PostAsync($"{api}/products", new { name = " ", retentionDays = 0, description = new string('d', 501) }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("name") && errors.ContainsKey("retentionDays") && errors.ContainsKey("description"), errors.ToString());
        }
        using (var r = await owner.PostAsync($"{api}/products", new { name = 5 })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        Guid shop;
        using (var r = await owner.PostAsync($"{api}/products", new { name = " My shop ", description = "signups" }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(("My shop", 400), (body.Str("name"), body["retentionDays"]!.GetValue<int>()));
            shop = Guid.Parse(body.Str("id"));
        }
        using (var r = await member.PostAsync($"{api}/products", new { name = "Mine" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PostAsync($"{api}/products", new { name = "Mine" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.PutAsync($"{api}/products/{shop}", new { name = "Renamed" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await member.DeleteAsync($"{api}/products/{shop}")) await r.ExpectAsync(HttpStatusCode.Forbidden);

        foreach (var reader in new[] { member, viewer })
        {
            var list = await reader.GetJsonAsync($"{api}/products");
            Assert.Equal(1, list["total"]!.GetValue<int>());
            Assert.Equal("My shop", (await reader.GetJsonAsync($"{api}/products/{shop}")).Str("name"));
        }
        using (var r = await owner.GetAsync($"{api}/products?pageSize=0")) await r.ExpectAsync(HttpStatusCode.BadRequest);

        // Another household: not a member of the team, and the team's product is not in its own household.
        using (var r = await mallory.GetAsync($"{api}/products/{shop}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.GetAsync($"{Api(theirs)}/products/{shop}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.PutAsync($"{Api(theirs)}/products/{shop}", new { name = "Stolen" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.DeleteAsync($"{Api(theirs)}/products/{shop}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.PostAsync($"{Api(theirs)}/products/{shop}/keys", new { name = "k", scopes = new[] { "ingest" } })) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await mallory.GetJsonAsync($"{Api(theirs)}/products"))["total"]!.GetValue<int>());

        using (var r = await owner.PutAsync($"{api}/products/{shop}", new { name = "Shop", retentionDays = 30 }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(("Shop", 30), (body.Str("name"), body["retentionDays"]!.GetValue<int>()));
        }
        using (var r = await owner.PutAsync($"{api}/products/{shop}", new { name = "" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Shop", (await viewer.GetJsonAsync($"{api}/products/{shop}")).Str("name"));

        var (_, secret) = await KeyAsync(owner, team, shop);
        using var http = KeyClient(host);
        await IngestAsync(http, secret, new { points = new[] { new { metric = "signups", value = 1 } } }).ExpectAsync(HttpStatusCode.Accepted);
        using (var r = await owner.DeleteAsync($"{api}/products/{shop}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{api}/products/{shop}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        // The product's keys went with it.
        await IngestAsync(http, secret, new { points = new[] { new { metric = "signups", value = 1 } } }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Empty((await owner.GetJsonAsync($"{api}/metrics")).AsArray());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Keys_are_shown_once_stored_as_hashes_and_stop_working_when_revoked_or_expired(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (mallory, _) = await Accounts.RegisterAsync(host, "mallory@example.org");
        var team = await Accounts.CreateHouseholdAsync(owner, "Team");
        await Accounts.JoinAsync(owner, team, viewer, "viewer@example.org", "viewer");
        var theirs = await Accounts.CreateHouseholdAsync(mallory, "Mallory's");
        var shop = await ProductAsync(owner, team);
        var keys = $"{Api(team)}/products/{shop}/keys";

        foreach (var bad in new object[]
                 {
                     new { name = "", scopes = new[] { "ingest" } },
                     new { name = "k", scopes = new[] { "read" } },
                     new { name = "k", scopes = new[] { "ingest", "admin" } },
                     new { name = "k", scopes = Array.Empty<string>() },
                     new { name = "k", scopes = new[] { "ingest" }, expiresAt = "2020-01-01T00:00:00Z" },
                 })
        {
            using var r = await owner.PostAsync(keys, bad);
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }
        using (var r = await viewer.PostAsync(keys, new { name = "k", scopes = new[] { "ingest" } })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.GetAsync(keys)) await r.ExpectAsync(HttpStatusCode.Forbidden);

        string secret;
        Guid keyId;
        using (var r = await owner.PostAsync(keys, new { name = "shop backend", scopes = new[] { "ingest", "read" }, expiresAt = "2099-01-01T00:00:00+01:00" }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.Created);
            secret = body.Str("secret");
            keyId = Guid.Parse(body["key"]!.Str("id"));
            Assert.StartsWith("tsk_", secret, StringComparison.Ordinal);
            Assert.True(secret.Length >= 4 + 32, secret);
            Assert.Equal(secret[..12], body["key"]!.Str("prefix"));
            Assert.Equal(["ingest", "read"], body["key"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        }
        var (ingestOnlyId, ingestOnly) = await KeyAsync(owner, team, shop, "ingest");
        var listed = (await owner.GetJsonAsync(keys)).AsArray();
        Assert.Equal(2, listed.Count);
        Assert.DoesNotContain(secret, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("2098-12-31T23:00:00Z", listed[0]!.Str("expiresAt"));
        Assert.Null(listed[0]!["lastUsedAt"]);

        // Only the hash is stored.
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(team);
            var metrics = scope.ServiceProvider.GetRequiredService<MetricsDb>();
            var stored = await metrics.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId);
            Assert.Equal(KeySecret.Hash(secret), stored.Hash);
            Assert.Equal(64, stored.Hash.Length);
            Assert.Equal(secret[..12], stored.Prefix);
        }

        using var http = KeyClient(host);
        var point = new { points = new[] { new { metric = "signups", value = 1 } } };
        await IngestAsync(http, secret, point).ExpectAsync(HttpStatusCode.Accepted);
        await IngestAsync(http, secret, point, scheme: "X-Api-Key").ExpectAsync(HttpStatusCode.Accepted);
        await IngestAsync(http, secret, point, scheme: "Token").ExpectAsync(HttpStatusCode.Accepted);
        await IngestAsync(http, null, point).ExpectAsync(HttpStatusCode.Unauthorized);
        await IngestAsync(http, "tsk_" + new string('a', 39), point).ExpectAsync(HttpStatusCode.Unauthorized);
        await IngestAsync(http, "not-a-key", point).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.NotNull((await owner.GetJsonAsync(keys)).AsArray().Single(k => k!.Str("id") == keyId.ToString())!["lastUsedAt"]);

        // A session cookie does not stand in for a key, and a key does not open the session API.
        using (var r = await owner.PostAsync("/api/ingest", point)) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        await KeyGetAsync(http, secret, $"{Api(team)}/products").ExpectAsync(HttpStatusCode.Unauthorized);

        // Reading with a key needs the read scope.
        var query = "/api/metrics/query?metric=signups&from=2000-01-01&to=2100-01-01&bucket=month&agg=count";
        await KeyGetAsync(http, ingestOnly, query).ExpectAsync(HttpStatusCode.Forbidden);
        var read = await KeyGetAsync(http, secret, query).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(3, Points(read).Sum(p => p.Value));

        // Another household cannot revoke the team's key, and its keys do not read the team's points.
        var mallorysShop = await ProductAsync(mallory, theirs);
        using (var r = await mallory.DeleteAsync($"{Api(theirs)}/products/{mallorysShop}/keys/{keyId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.DeleteAsync($"{Api(theirs)}/products/{shop}/keys/{keyId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        var (_, mallorysKey) = await KeyAsync(mallory, theirs, mallorysShop, "ingest", "read");
        Assert.Empty(Points(await KeyGetAsync(http, mallorysKey, query).ReadAsync(HttpStatusCode.OK)));
        Assert.Empty((await mallory.GetJsonAsync($"{Api(theirs)}/metrics")).AsArray());
        // A key of another product of the same household writes to its own product only.
        var blog = await ProductAsync(owner, team, "Blog");
        var (_, blogKey) = await KeyAsync(owner, team, blog, "ingest", "read");
        Assert.Empty(Points(await KeyGetAsync(http, blogKey, query).ReadAsync(HttpStatusCode.OK)));

        using (var r = await owner.DeleteAsync($"{keys}/{keyId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        await IngestAsync(http, secret, point).ExpectAsync(HttpStatusCode.Unauthorized);
        await KeyGetAsync(http, secret, query).ExpectAsync(HttpStatusCode.Unauthorized);
        using (var r = await owner.DeleteAsync($"{keys}/{keyId}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Single((await owner.GetJsonAsync(keys)).AsArray());

        // An expired key is refused on its next request.
        await IngestAsync(http, ingestOnly, point).ExpectAsync(HttpStatusCode.Accepted);
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(team);
            await scope.ServiceProvider.GetRequiredService<MetricsDb>().ApiKeys.Where(k => k.Id == ingestOnlyId)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));
        }
        using (var r = await IngestAsync(http, ingestOnly, point))
        {
            Assert.Contains("expired", (await r.ReadJsonAsync(HttpStatusCode.Unauthorized)).Str("title"), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Each_key_is_rate_limited_with_429_and_retry_after()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Metrics:KeyRequestsPerSecond"] = "2" });
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await Accounts.CreateHouseholdAsync(owner, "Home");
        var product = await ProductAsync(owner, home);
        var (_, first) = await KeyAsync(owner, home, product);
        var (_, second) = await KeyAsync(owner, home, product);
        using var http = KeyClient(host);
        var point = new { points = new[] { new { metric = "m", value = 1 } } };

        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 8; i++)
        {
            using var r = await IngestAsync(http, first, point);
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests) retryAfter ??= r.Headers.RetryAfter?.ToString();
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.Accepted, statuses);
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds >= 1, $"Retry-After: {retryAfter}");
        // The limit is per key: the other key still passes.
        await IngestAsync(http, second, point).ExpectAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Guessing_keys_from_one_address_is_slowed_but_a_working_key_keeps_working()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Metrics:FailedKeyAttemptsPerMinute"] = "3" });
        var (owner, home, product, good) = await KeyedProductAsync(host);
        var (revokedId, revoked) = await KeyAsync(owner, home, product);
        using (var r = await owner.DeleteAsync($"{Api(home)}/products/{product}/keys/{revokedId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using var http = KeyClient(host);
        var point = new { points = new[] { new { metric = "m", value = 1 } } };
        await IngestAsync(http, good, point).ExpectAsync(HttpStatusCode.Accepted);

        // Each made-up key would get its own per-key window; the failures of the address are what counts.
        var made = Enumerable.Range(0, 2).Select(i => "tsk_" + new string((char)('a' + i), 32)).Append(revoked).ToList();
        foreach (var key in made) await IngestAsync(http, key, point).ExpectAsync(HttpStatusCode.Unauthorized);
        using (var r = await IngestAsync(http, "tsk_" + new string('z', 32), point))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.TooManyRequests);
            Assert.Contains("wrong API key", problem.Str("detail"));
            Assert.Equal("60", r.Headers.RetryAfter?.ToString());
        }
        // The revoked key is refused without a lookup now too; the key that worked a moment ago still gets through.
        await IngestAsync(http, revoked, point).ExpectAsync(HttpStatusCode.TooManyRequests);
        await IngestAsync(http, good, point).ExpectAsync(HttpStatusCode.Accepted);
    }
}
