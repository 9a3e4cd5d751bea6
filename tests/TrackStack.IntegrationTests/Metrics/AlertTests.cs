using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Metrics.Domain;
using TrackStack.Metrics.Features.EvaluateAlerts;
using TrackStack.Metrics.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Metrics;

/// <summary>Alert rules through the real API: points through the real ingest, evaluations called with a given
/// instant (AlertEvaluationSeconds 0 keeps the scheduled job off).</summary>
public sealed class AlertTests
{
    // The receivers listen on 127.0.0.1, which webhooks may reach only when the operator allows it.
    private static readonly Dictionary<string, string?> NoSchedule = new()
    {
        ["Metrics:AlertEvaluationSeconds"] = "0",
        ["Metrics:AllowPrivateWebhookAddresses"] = "true",
    };
    private static readonly DateTime T0 = new(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>What a webhook receiver saw: the raw body and the two headers.</summary>
    private sealed record Received(byte[] Body, string? Signature, string? Timestamp);

    private static Task<LoopbackSite> ReceiverAsync(ConcurrentQueue<Received> received, int status = 200) =>
        LoopbackSite.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            received.Enqueue(new Received(buffer.ToArray(), request.Headers["X-TrackStack-Signature"].ToString(), request.Headers["X-TrackStack-Timestamp"].ToString()));
            return Results.StatusCode(status);
        }));

    private static Task<AlertPass> EvaluateAsync(TestHost host, DateTime at) =>
        host.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(at, CancellationToken.None);

    private static async Task IngestPointsAsync(TestHost host, string key, params object[] points)
    {
        using var http = KeyClient(host);
        var answer = await IngestAsync(http, key, new { points }).ReadAsync(HttpStatusCode.Accepted);
        Assert.Equal(points.Length, answer["accepted"]!.GetValue<int>());
    }

    private static object Point(string metric, double value, DateTime at, object? tags = null) =>
        new { metric, value, timestamp = at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), tags };

    private static async Task<(Guid Id, string Secret)> CreateRuleAsync(ApiClient admin, Guid home, object rule)
    {
        using var r = await admin.PostAsync($"{Api(home)}/alerts", rule);
        var body = await r.ReadJsonAsync(HttpStatusCode.Created);
        return (Guid.Parse(body["rule"]!.Str("id")), body.Str("webhookSecret"));
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(TestHost host, string type)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MetricsDb>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_above_rule_fires_once_calls_its_signed_webhook_publishes_the_event_and_resolves_after_two_clear_evaluations(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, NoSchedule);
        var (owner, ownerId) = await Accounts.RegisterAsync(host, "owner@example.org");
        var home = await HouseholdAsync(owner, "Home");
        var product = await ProductAsync(owner, home, "Sensors");
        var (_, key) = await KeyAsync(owner, home, product);
        var received = new ConcurrentQueue<Received>();
        await using var site = await ReceiverAsync(received);

        var (ruleId, secret) = await CreateRuleAsync(owner, home, new
        {
            name = "Kitchen too warm", metric = "kitchen.temp", where = new[] { "room:kitchen" }, agg = "avg", kind = "above",
            threshold = 30, window = "15m", notifyUserIds = new[] { ownerId }, webhookUrl = site.BaseUrl + "/hook",
        });
        Assert.StartsWith("tsw_", secret, StringComparison.Ordinal);
        await IngestPointsAsync(host, key,
            Point("kitchen.temp", 31, T0.AddMinutes(2), new { room = "kitchen" }),
            Point("kitchen.temp", 32, T0.AddMinutes(5), new { room = "kitchen" }),
            Point("kitchen.temp", 100, T0.AddMinutes(5), new { room = "hall" })); // another series: not matched

        // The editor's current value: evaluated, nothing written.
        var test = await owner.PostAsync($"{Api(home)}/alerts/{ruleId}/test?at=2026-11-30T10:10:00Z").ReadAsync(HttpStatusCode.OK);
        Assert.True(test["condition"]!.GetValue<bool>());
        Assert.Equal(31.5, test["value"]!.GetValue<double>());
        Assert.Equal("avg of kitchen.temp{room=kitchen} is 31.5, above 30 over the last 15 minutes", test.Str("summary"));
        Assert.Equal("ok", (await owner.GetJsonAsync($"{Api(home)}/alerts/{ruleId}")).Str("state"));

        Assert.Equal(1, (await EvaluateAsync(host, T0.AddMinutes(10))).Fired);
        Assert.Equal(0, (await EvaluateAsync(host, T0.AddMinutes(11))).Fired); // still true: no second firing
        Assert.Empty(await OutboxAsync(host, "metrics.alert-resolved.v1"));

        var list = await owner.GetJsonAsync($"{Api(home)}/alerts");
        var listed = list["items"]!.AsArray().Single()!;
        Assert.Equal(("firing", 31.5, "15m", "above"), (listed.Str("state"), listed["lastValue"]!.GetValue<double>(), listed.Str("window"), listed.Str("kind")));
        Assert.Equal(["room:kitchen"], listed["where"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Null(listed["webhookSecret"]);

        var fired = Assert.Single(received);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), fired.Body)), fired.Signature);
        Assert.True(long.TryParse(fired.Timestamp, out _));
        var body = JsonNode.Parse(fired.Body)!;
        Assert.Equal(("fired", "kitchen.temp", 31.5, "Kitchen too warm"), (body.Str("event"), body.Str("metric"), body["value"]!.GetValue<double>(), body["rule"]!.Str("name")));
        Assert.Equal("avg of kitchen.temp{room=kitchen} is 31.5, above 30 over the last 15 minutes", body.Str("summary"));
        Assert.Null(body["resolvedAt"]);
        var firingId = Guid.Parse(body.Str("firingId"));

        var firedEvent = JsonNode.Parse(Assert.Single(await OutboxAsync(host, "metrics.alert-fired.v1")).Payload)!;
        Assert.Equal((firingId, ruleId, home), (Guid.Parse(firedEvent.Str("firingId")), Guid.Parse(firedEvent.Str("ruleId")), Guid.Parse(firedEvent.Str("householdId"))));
        Assert.Equal([ownerId], firedEvent["notifyUserIds"]!.AsArray().Select(n => Guid.Parse(n!.GetValue<string>())));
        Assert.Equal(31.5, firedEvent["value"]!.GetValue<double>());

        // The condition clears: one clear evaluation is not enough, the second resolves.
        await IngestPointsAsync(host, key, Point("kitchen.temp", 20, T0.AddMinutes(20), new { room = "kitchen" }), Point("kitchen.temp", 21, T0.AddMinutes(25), new { room = "kitchen" }));
        Assert.Equal(0, (await EvaluateAsync(host, T0.AddMinutes(30))).Resolved);
        Assert.Equal("firing", (await owner.GetJsonAsync($"{Api(home)}/alerts/{ruleId}")).Str("state"));
        Assert.Equal(1, (await EvaluateAsync(host, T0.AddMinutes(31))).Resolved);
        Assert.Equal(0, (await EvaluateAsync(host, T0.AddMinutes(32))).Fired + (await EvaluateAsync(host, T0.AddMinutes(33))).Resolved);

        var rule = await owner.GetJsonAsync($"{Api(home)}/alerts/{ruleId}");
        Assert.Equal(("ok", 20.5), (rule.Str("state"), rule["lastValue"]!.GetValue<double>()));
        Assert.Null(rule["currentFiringId"]);
        var resolvedEvent = JsonNode.Parse(Assert.Single(await OutboxAsync(host, "metrics.alert-resolved.v1")).Payload)!;
        Assert.Equal(firingId, Guid.Parse(resolvedEvent.Str("firingId")));
        Assert.True(resolvedEvent["version"]!.GetValue<long>() > firedEvent["version"]!.GetValue<long>());
        Assert.Equal(2, received.Count);
        var resolved = received.Last();
        var resolvedBody = JsonNode.Parse(resolved.Body)!;
        Assert.Equal(("resolved", firingId.ToString()), (resolvedBody.Str("event"), resolvedBody.Str("firingId")));
        Assert.NotNull(resolvedBody["resolvedAt"]);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), resolved.Body)), resolved.Signature);

        var firings = await owner.GetJsonAsync($"{Api(home)}/alerts/{ruleId}/firings");
        var firing = firings["items"]!.AsArray().Single()!;
        Assert.Equal((firingId.ToString(), 31.5, 20.5, 200, 200),
            (firing.Str("id"), firing["fireValue"]!.GetValue<double>(), firing["resolveValue"]!.GetValue<double>(), firing["fireWebhookStatus"]!.GetValue<int>(), firing["resolveWebhookStatus"]!.GetValue<int>()));
        Assert.Equal(T0.AddMinutes(31), firing["resolvedAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Contains("not above 30", firing.Str("resolveSummary"), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, l => l.Message.Contains(secret, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task No_data_and_spike_rules_fire_on_silence_and_on_an_outlier_and_a_failing_webhook_is_recorded_not_thrown(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, NoSchedule);
        var (owner, home, _, key) = await KeyedProductAsync(host);
        var received = new ConcurrentQueue<Received>();
        await using var site = await ReceiverAsync(received, status: 500);

        var (silent, _) = await CreateRuleAsync(owner, home, new { name = "Sensor silent", metric = "heartbeat", kind = "noData", window = "30m", webhookUrl = site.BaseUrl + "/hook" });
        var (spiky, _) = await CreateRuleAsync(owner, home, new { name = "Signup spike", metric = "signups", agg = "sum", kind = "spike", bucket = "1h", buckets = 4, deviations = 3 });
        // Unreachable: nothing listens on port 9 of 127.0.0.1.
        var (unreachable, _) = await CreateRuleAsync(owner, home, new { name = "Unreachable", metric = "heartbeat", kind = "noData", window = "5m", webhookUrl = "http://127.0.0.1:9/hook" });

        await IngestPointsAsync(host, key,
            Point("heartbeat", 1, T0),
            Point("signups", 8, T0.AddHours(-4).AddMinutes(10)), Point("signups", 12, T0.AddHours(-3).AddMinutes(10)),
            Point("signups", 8, T0.AddHours(-2).AddMinutes(10)), Point("signups", 12, T0.AddHours(-1).AddMinutes(10)),
            Point("signups", 30, T0.AddMinutes(5)));

        // At 09:30 the latest hour (12) is within the baseline of the hours before (8, 12, 8 and an empty one).
        var before = await owner.PostAsync($"{Api(home)}/alerts/{spiky}/test?at=2026-11-30T09:30:00Z").ReadAsync(HttpStatusCode.OK);
        Assert.False(before["condition"]!.GetValue<bool>());
        Assert.Equal(12, before["value"]!.GetValue<double>());

        // 10:20: a heartbeat 20 minutes ago (only the 5-minute rule fires), and 30 signups against a mean of 10 (sd 2).
        Assert.Equal(2, (await EvaluateAsync(host, T0.AddMinutes(20))).Fired);
        Assert.Equal("ok", (await owner.GetJsonAsync($"{Api(home)}/alerts/{silent}")).Str("state"));
        Assert.Equal("firing", (await owner.GetJsonAsync($"{Api(home)}/alerts/{unreachable}")).Str("state"));
        Assert.Equal("firing", (await owner.GetJsonAsync($"{Api(home)}/alerts/{spiky}")).Str("state"));
        var spikeFiring = (await owner.GetJsonAsync($"{Api(home)}/alerts/{spiky}/firings"))["items"]!.AsArray().Single()!;
        Assert.Equal(30, spikeFiring["fireValue"]!.GetValue<double>());
        Assert.Equal("sum of signups is 30 over the last 1 hour, 10 standard deviations above the mean 10 of the 4 buckets of 1 hour before (more than 3)", spikeFiring.Str("summary"));
        Assert.Null(spikeFiring["fireWebhookStatus"]);
        var failed = (await owner.GetJsonAsync($"{Api(home)}/alerts/{unreachable}/firings"))["items"]!.AsArray().Single()!;
        Assert.Null(failed["fireWebhookStatus"]);
        Assert.False(string.IsNullOrEmpty(failed.Str("fireWebhookError")));

        // 10:40: no heartbeat for 40 minutes.
        Assert.Equal(1, (await EvaluateAsync(host, T0.AddMinutes(40))).Fired);
        var silence = (await owner.GetJsonAsync($"{Api(home)}/alerts/{silent}/firings"))["items"]!.AsArray().Single()!;
        Assert.Equal("no point of heartbeat in the last 30 minutes", silence.Str("summary"));
        Assert.Null(silence["fireValue"]);
        Assert.Equal((500, "The webhook answered 500."), (silence["fireWebhookStatus"]!.GetValue<int>(), silence.Str("fireWebhookError")));
        var noData = JsonNode.Parse((await OutboxAsync(host, "metrics.alert-fired.v1")).Single(m => m.Payload.Contains(silent.ToString(), StringComparison.Ordinal)).Payload)!;
        Assert.Null(noData["value"]);
        Assert.Equal("fired", JsonNode.Parse(Assert.Single(received).Body)!.Str("event"));

        // The heartbeat comes back: both no-data rules resolve on the second clear evaluation; the spike stays.
        await IngestPointsAsync(host, key, Point("heartbeat", 1, T0.AddMinutes(45)));
        Assert.Equal(0, (await EvaluateAsync(host, T0.AddMinutes(46))).Resolved);
        Assert.Equal(2, (await EvaluateAsync(host, T0.AddMinutes(47))).Resolved);
        Assert.Equal("firing", (await owner.GetJsonAsync($"{Api(home)}/alerts/{spiky}")).Str("state"));
        Assert.Equal(2, (await OutboxAsync(host, "metrics.alert-resolved.v1")).Count);
        Assert.Equal("heartbeat has points in the last 30 minutes",
            (await owner.GetJsonAsync($"{Api(home)}/alerts/{silent}/firings"))["items"]![0]!.Str("resolveSummary"));
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task A_firing_rule_turned_off_or_deleted_sends_its_resolved_message_at_once()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, NoSchedule);
        var (owner, home, _, key) = await KeyedProductAsync(host);
        var received = new ConcurrentQueue<Received>();
        await using var site = await ReceiverAsync(received);
        object Hot(string name, bool enabled = true) => new { name, metric = "temp", kind = "above", threshold = 30, window = "15m", webhookUrl = site.BaseUrl + "/hook", enabled };
        var (paused, _) = await CreateRuleAsync(owner, home, Hot("Paused"));
        var (deleted, _) = await CreateRuleAsync(owner, home, Hot("Deleted"));
        await IngestPointsAsync(host, key, Point("temp", 35, T0.AddMinutes(2)));
        Assert.Equal(2, (await EvaluateAsync(host, T0.AddMinutes(5))).Fired);
        Assert.Equal(2, received.Count);

        // Turned off and its webhook removed in one save: the webhook it fired to still gets the resolved call.
        using (var r = await owner.PutAsync($"{Api(home)}/alerts/{paused}", new { name = "Paused", metric = "temp", kind = "above", threshold = 30, window = "15m", enabled = false }))
            await r.ExpectAsync(HttpStatusCode.OK);
        var rule = await owner.GetJsonAsync($"{Api(home)}/alerts/{paused}");
        Assert.Equal(("ok", false), (rule.Str("state"), rule["enabled"]!.GetValue<bool>()));
        var episode = (await owner.GetJsonAsync($"{Api(home)}/alerts/{paused}/firings"))["items"]!.AsArray().Single()!;
        Assert.Equal("The rule was turned off while it was firing", episode.Str("resolveSummary"));
        Assert.NotNull(episode["resolvedAt"]);
        Assert.Equal(200, episode["resolveWebhookStatus"]!.GetValue<int>());

        using (var r = await owner.DeleteAsync($"{Api(home)}/alerts/{deleted}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{Api(home)}/alerts/{deleted}")) await r.ExpectAsync(HttpStatusCode.NotFound);

        var resolvedEvents = (await OutboxAsync(host, "metrics.alert-resolved.v1")).Select(m => JsonNode.Parse(m.Payload)!).ToList();
        Assert.Equal(new[] { paused, deleted }.Order(), resolvedEvents.Select(e => Guid.Parse(e.Str("ruleId"))).Order());
        Assert.Contains(resolvedEvents, e => e.Str("summary") == "The rule was deleted while it was firing");
        var hooks = received.Skip(2).Select(h => JsonNode.Parse(h.Body)!).ToList();
        Assert.Equal(["resolved", "resolved"], hooks.Select(h => h.Str("event")));
        Assert.Equal(["Deleted", "Paused"], hooks.Select(h => h["rule"]!.Str("name")).Order());

        // Nothing left to resolve: a later pass neither fires the paused rule nor resolves anything.
        var pass = await EvaluateAsync(host, T0.AddMinutes(10));
        Assert.Equal((0, 0), (pass.Fired, pass.Resolved));
        Assert.Equal(2, (await OutboxAsync(host, "metrics.alert-resolved.v1")).Count);
    }

    [Fact]
    public async Task A_webhook_on_the_servers_own_network_is_refused_unless_the_operator_allows_it()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Metrics:AlertEvaluationSeconds"] = "0" });
        var (owner, home, _, key) = await KeyedProductAsync(host);
        var received = new ConcurrentQueue<Received>();
        await using var site = await ReceiverAsync(received);
        var (ruleId, _) = await CreateRuleAsync(owner, home, new { name = "Hot", metric = "temp", kind = "above", threshold = 30, window = "15m", webhookUrl = site.BaseUrl + "/hook" });
        await IngestPointsAsync(host, key, Point("temp", 35, T0.AddMinutes(2)));

        Assert.Equal(1, (await EvaluateAsync(host, T0.AddMinutes(5))).Fired);

        Assert.Empty(received);
        var firing = (await owner.GetJsonAsync($"{Api(home)}/alerts/{ruleId}/firings"))["items"]!.AsArray().Single()!;
        Assert.Null(firing["fireWebhookStatus"]);
        Assert.Contains("private or local address (127.0.0.1)", firing.Str("fireWebhookError"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rules_are_400_with_field_errors_viewers_and_members_cannot_write_and_another_households_rule_is_404()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, NoSchedule);
        var (owner, home, product, _) = await KeyedProductAsync(host);
        var api = Api(home);
        object Good(object? overrides = null) => overrides ?? new { name = "Hot", metric = "temp", kind = "above", threshold = 30, window = "15m" };

        async Task<JsonObject> ErrorsAsync(object body)
        {
            using var r = await owner.PostAsync($"{api}/alerts", body);
            return (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        }
        Assert.Contains("kind", (await ErrorsAsync(new { name = "x", metric = "temp" })).Select(e => e.Key));
        Assert.Equal(["metric", "name"], (await ErrorsAsync(new { name = "", metric = "bad name", kind = "above", threshold = 1, window = "5m" })).Select(e => e.Key).Order());
        Assert.Equal(["threshold", "window"], (await ErrorsAsync(new { name = "x", metric = "temp", kind = "below", window = "5w" })).Select(e => e.Key).Order());
        Assert.Equal(["bucket", "buckets", "deviations"], (await ErrorsAsync(new { name = "x", metric = "temp", kind = "spike", bucket = "0h", buckets = 1, deviations = 0 })).Select(e => e.Key).Order());
        Assert.Contains("bucket", (await ErrorsAsync(new { name = "x", metric = "temp", kind = "spike", bucket = "1439m", buckets = 100, deviations = 2 })).Select(e => e.Key)); // 101 days of minute rollups
        Assert.Equal(["agg", "where"], (await ErrorsAsync(new { name = "x", metric = "temp", kind = "noData", window = "1h", agg = "median", where = new[] { "room" } })).Select(e => e.Key).Order());
        Assert.Equal(["notifyUserIds"], (await ErrorsAsync(new { name = "x", metric = "temp", kind = "noData", window = "1h", notifyUserIds = new[] { Guid.Empty } })).Select(e => e.Key));
        Assert.Equal(["productId"], (await ErrorsAsync(new { name = "x", metric = "temp", kind = "noData", window = "1h", productId = Guid.NewGuid() })).Select(e => e.Key));
        foreach (var url in new[] { "http://example.org/hook", "ftp://example.org/", "not a url", "https://user:pw@example.org/", "http://10.0.0.1/hook" })
        {
            Assert.Equal(["webhookUrl"], (await ErrorsAsync(new { name = "x", metric = "temp", kind = "noData", window = "1h", webhookUrl = url })).Select(e => e.Key));
        }
        using (var r = await owner.PostAsync($"{api}/alerts", new { name = "x", metric = "temp", kind = "noData", window = "1h", threshold = "high" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await owner.GetAsync($"{api}/alerts?pageSize=0")) await r.ExpectAsync(HttpStatusCode.BadRequest);

        var (id, _) = await CreateRuleAsync(owner, home, new { name = "Hot", metric = "temp", kind = "above", threshold = 30, window = "15m", productId = product, webhookUrl = "https://hooks.example.org/t?k=1" });
        using (var r = await owner.PostAsync($"{api}/alerts/{id}/test?at=yesterday")) await r.ExpectAsync(HttpStatusCode.BadRequest);
        var changed = await owner.PutAsync($"{api}/alerts/{id}", new { name = "Cold", metric = "temp", kind = "below", threshold = 5, window = "2h", agg = "min", enabled = false }).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("Cold", "below", "2h", "min", false, 2L), (changed.Str("name"), changed.Str("kind"), changed.Str("window"), changed.Str("agg"), changed["enabled"]!.GetValue<bool>(), changed["version"]!.GetValue<long>()));
        Assert.Null(changed["webhookUrl"]);
        using (var r = await owner.PutAsync($"{api}/alerts/{id}", new { name = "Cold", metric = "temp", kind = "sideways" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await EvaluateAsync(host, T0)).Evaluated); // disabled

        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "member@example.org");
        await Accounts.JoinAsync(owner, home, viewer, "viewer@example.org", "viewer");
        await Accounts.JoinAsync(owner, home, member, "member@example.org", "member");
        foreach (var reader in new[] { viewer, member })
        {
            Assert.Equal("Cold", (await reader.GetJsonAsync($"{api}/alerts"))["items"]![0]!.Str("name"));
            Assert.Empty((await reader.GetJsonAsync($"{api}/alerts/{id}/firings"))["items"]!.AsArray());
            using (var r = await reader.PostAsync($"{api}/alerts", Good())) await r.ExpectAsync(HttpStatusCode.Forbidden);
            using (var r = await reader.PutAsync($"{api}/alerts/{id}", Good())) await r.ExpectAsync(HttpStatusCode.Forbidden);
            using (var r = await reader.DeleteAsync($"{api}/alerts/{id}")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        }

        // Another household's owner uses the id under their own household: 404 everywhere, and the rule stays.
        var (stranger, _) = await Accounts.RegisterAsync(host, "stranger@example.org");
        var theirs = Api(await HouseholdAsync(stranger, "Elsewhere"));
        using (var r = await stranger.GetAsync($"{theirs}/alerts/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{theirs}/alerts/{id}/firings")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PostAsync($"{theirs}/alerts/{id}/test")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PutAsync($"{theirs}/alerts/{id}", Good())) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.DeleteAsync($"{theirs}/alerts/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{api}/alerts")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.GetJsonAsync($"{theirs}/alerts"))["items"]!.AsArray());
        Assert.Equal("Cold", (await owner.GetJsonAsync($"{api}/alerts/{id}")).Str("name"));

        using (var r = await owner.DeleteAsync($"{api}/alerts/{id}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await owner.GetAsync($"{api}/alerts/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.DeleteAsync($"{api}/alerts/{id}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Two replicas on one PostgreSQL database evaluate the same rules at the same moment: each rule's write
    /// is claimed by its version, so every episode fires once, with one event and one webhook call.</summary>
    [Fact]
    public async Task Two_hosts_on_one_postgres_database_fire_each_episode_once()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var a = await TestHost.StartAsync(db, NoSchedule);
        await using var b = await TestHost.StartAsync(db, NoSchedule);
        var (owner, home, _, key) = await KeyedProductAsync(a);
        var received = new ConcurrentQueue<Received>();
        await using var site = await ReceiverAsync(received);
        const int rules = 12;
        var secrets = new Dictionary<Guid, string>();
        for (var i = 0; i < rules; i++)
        {
            var (id, secret) = await CreateRuleAsync(owner, home, new { name = $"Rule {i}", metric = "load", kind = "above", threshold = i, window = "1h", agg = "max", webhookUrl = site.BaseUrl + "/hook" });
            secrets[id] = secret;
        }
        await IngestPointsAsync(a, key, Point("load", 100, T0.AddMinutes(1)));

        for (var round = 0; round < 3; round++)
        {
            var at = T0.AddMinutes(5 + round);
            var passes = await Task.WhenAll(EvaluateAsync(a, at), EvaluateAsync(b, at), EvaluateAsync(a, at), EvaluateAsync(b, at));
            Assert.Equal(round == 0 ? rules : 0, passes.Sum(p => p.Fired));
            // Every pass evaluated each rule or lost it to a concurrent write (without a schedule no pass skips a rule).
            Assert.Equal(4 * rules, passes.Sum(p => p.Evaluated + p.Lost));
            Assert.InRange(passes.Sum(p => p.Evaluated), rules, 4 * rules);
        }

        Assert.Equal(rules, (await OutboxAsync(a, "metrics.alert-fired.v1")).Count);
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var firings = await scope.ServiceProvider.GetRequiredService<MetricsDb>().AlertFirings.IgnoreQueryFilters().ToListAsync();
            Assert.Equal(rules, firings.Count);
            Assert.All(firings, f => Assert.Equal(200, f.FireWebhookStatus));
        }
        Assert.Equal(rules, received.Count);
        // Either host signed with the rule's secret: both read the data dir's Data Protection keys.
        Assert.All(received, r =>
        {
            var rule = Guid.Parse(JsonNode.Parse(r.Body)!["rule"]!.Str("id"));
            Assert.True(WebhookSignature.Verify(r.Body, secrets[rule], r.Signature));
        });
    }
}
