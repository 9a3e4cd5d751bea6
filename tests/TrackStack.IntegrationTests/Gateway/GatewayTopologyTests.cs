using System.Net;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Gateway;

/// <summary>The browser's view of the distributed topology: one origin (the gateway), cookies and the anti-CSRF header
/// working across services, each request landing on the service that owns it with the client's address, correlation id
/// and trace context.</summary>
public sealed class GatewayTopologyTests(SplitTopology split) : IClassFixture<SplitTopology>
{
    [Fact]
    public async Task A_user_signs_up_and_keeps_expenses_and_heating_records_through_the_gateway_each_on_its_own_service()
    {
        using var client = split.Gateway.CreateClient();
        var logins = split.Core.Recorder.To("/api/auth/login").Count();
        using (var r = await client.PostAsync("/api/auth/register", new { email = "gateway@example.org", password = Accounts.Password, displayName = "Gate" }))
        {
            await r.ExpectAsync(HttpStatusCode.Created);
        }
        using (var r = await client.PostAsync("/api/auth/login", new { email = "gateway@example.org", password = Accounts.Password }))
        {
            await r.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        }
        var household = await Accounts.WaitForPersonalHouseholdAsync(client);

        var expenses = $"/api/households/{household}/expenses/entries";
        var entry = await (await client.PostAsync(expenses, new { date = "2026-11-02", amountCents = 1234, title = "Coffee beans" })).ReadJsonAsync(HttpStatusCode.Created);
        var read = await client.GetJsonAsync($"{expenses}/{entry.Str("id")}");
        Assert.Equal("Coffee beans", read.Str("title"));

        var refills = $"/api/households/{household}/heating/refills";
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refill = await (await client.PostAsync(refills, new { date = yesterday, quantity = 2 })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await client.GetJsonAsync($"{refills}/{refill.Str("id")}"))["quantity"]!.GetValue<double>());

        // A write without the anti-CSRF header is refused by the service, as without a gateway.
        client.SendXsrf = false;
        using (var r = await client.PostAsync(refills, new { date = yesterday, quantity = 1 })) await r.ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal(logins + 1, split.Core.Recorder.To("/api/auth/login").Count());
        Assert.Contains(split.Core.Recorder.Requests, r => r.Path == "/api/me");
        Assert.Equal(2, split.Expenses.Recorder.Requests.Count(r => r.Path.StartsWith(expenses, StringComparison.Ordinal)));
        Assert.Equal(3, split.Heating.Recorder.Requests.Count(r => r.Path.StartsWith(refills, StringComparison.Ordinal)));
        Assert.DoesNotContain(split.Core.Recorder.Requests, r => r.Path.StartsWith(expenses, StringComparison.Ordinal) || r.Path.StartsWith(refills, StringComparison.Ordinal));
        // The service sees the client (its per-client limits and Secure cookies depend on it) and the address it used.
        var seen = split.Expenses.Recorder.To($"{expenses}/{entry.Str("id")}").Single();
        Assert.Equal(("127.0.0.1", "http", split.Gateway.BaseAddress.Authority), (seen.ForwardedFor, seen.ForwardedProto, seen.Host));
    }

    [Fact]
    public async Task The_correlation_id_and_the_trace_context_reach_the_service()
    {
        using var client = new HttpClient { BaseAddress = split.Gateway.BaseAddress };
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/providers?a=1"))
        {
            request.Headers.Add("X-Correlation-Id", "support-ticket-42");
            request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await client.SendAsync(request);
            await response.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("support-ticket-42", response.Headers.GetValues("X-Correlation-Id").Single());
        }
        var seen = split.Core.Recorder.Requests.Last(r => r.Path == "/api/auth/providers");
        Assert.Equal("support-ticket-42", seen.CorrelationId);
        Assert.NotNull(seen.TraceParent);
        Assert.Equal(traceId, seen.TraceParent!.Split('-')[1]);

        // Without one, the gateway makes the id (its trace id), returns it and passes it on.
        using var plain = await client.GetAsync("/api/auth/providers?b=2");
        var generated = plain.Headers.GetValues("X-Correlation-Id").Single();
        var second = split.Core.Recorder.Requests.Last(r => r.Path == "/api/auth/providers");
        Assert.Equal(generated, second.CorrelationId);
        Assert.Equal(generated, second.TraceParent!.Split('-')[1]);
    }

    [Fact]
    public async Task Unknown_api_paths_are_404_and_modules_without_a_service_are_503_problem_details()
    {
        using var client = new HttpClient { BaseAddress = split.Gateway.BaseAddress };
        using (var r = await client.GetAsync("/api/nothing-here/at-all"))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.NotFound);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Equal(404, body["status"]!.GetValue<int>());
        }
        using (var r = await client.PostAsync("/api/nothing-here", new StringContent("{}"))) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await client.GetAsync($"/api/households/{Guid.NewGuid()}/nutrition/summary"))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("nutrition", body.Str("detail"), StringComparison.Ordinal);
        }
        // A household path of a module with a service, and an unknown one under Households', reach a service that says 401/404.
        using (var r = await client.GetAsync($"/api/households/{Guid.NewGuid()}/expenses/settings")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await client.GetAsync("/api/ingest/../../etc/passwd")) Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}");
    }

    [Fact]
    public async Task Readiness_lists_each_service_and_is_503_naming_the_one_that_is_down()
    {
        using var client = new HttpClient { BaseAddress = split.Gateway.BaseAddress };
        using (var live = await client.GetAsync("/health/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["expenses", "heating", "households,identity"], ready["services"]!.AsArray().Select(s => s.Str("name")).Order());

        // A gateway in front of the same services plus one that is not running.
        var modules = split.Modules.Where(m => m.Key != "heating").Append(new("heating", new Uri("http://127.0.0.1:9/")));
        await using var gateway = await GatewayHost.StartAsync(modules);
        using var other = new HttpClient { BaseAddress = gateway.BaseAddress };
        var down = await (await other.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
        var services = down["services"]!.AsArray().ToDictionary(s => s.Str("name"), s => s.Str("status"));
        Assert.Equal("Unhealthy", services["heating"]);
        Assert.Equal("Healthy", services["expenses"]);
        Assert.DoesNotContain("127.0.0.1", down.ToJsonString(), StringComparison.Ordinal);

        // A request for the stopped service is a 503 problem to retry, not YARP's empty 502.
        using var refused = await other.GetAsync($"/api/households/{Guid.NewGuid()}/heating/summary");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Temporarily unavailable", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_edge_limit_get_429_with_retry_after_before_reaching_identity()
    {
        await using var gateway = await GatewayHost.StartAsync(split.Modules, new Dictionary<string, string?> { ["Gateway:RateLimits:AuthPerMinute"] = "3" });
        using var client = gateway.CreateClient();
        var before = split.Core.Recorder.To("/api/auth/login").Count();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var r = await client.PostAsync("/api/auth/login", new { email = "nobody@example.org", password = "wrong password here" });
            statuses.Add(r.StatusCode);
            if (r.StatusCode != HttpStatusCode.TooManyRequests) continue;
            Assert.NotNull(r.Headers.RetryAfter);
            Assert.Equal(429, (await r.ReadJsonAsync(HttpStatusCode.TooManyRequests))["status"]!.GetValue<int>());
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(3));
        Assert.Equal(3, split.Core.Recorder.To("/api/auth/login").Count() - before);
        // Other paths are not limited by it.
        using (var r = await client.GetAsync("/api/auth/providers")) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_gateway_serves_the_web_app_like_the_host_does()
    {
        var root = Directory.CreateTempSubdirectory("trackstack-gateway-web-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "index.html"), "<!doctype html><title>TrackStack</title>");
            Directory.CreateDirectory(Path.Combine(root.FullName, "_astro"));
            File.WriteAllText(Path.Combine(root.FullName, "_astro", "app.1234.js"), "console.log('app');");
            File.WriteAllBytes(Path.Combine(root.FullName, "_astro", "app.1234.js.br"), [0x0b, 0x09, 0x80]);
            await using var gateway = await GatewayHost.StartAsync(split.Modules, new Dictionary<string, string?> { ["WebRoot"] = root.FullName });
            using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = gateway.BaseAddress };

            using (var page = await client.GetAsync("/"))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("<title>TrackStack</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
                Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            }
            using var asset = new HttpRequestMessage(HttpMethod.Get, "/_astro/app.1234.js");
            asset.Headers.AcceptEncoding.ParseAdd("br");
            using (var r = await client.SendAsync(asset))
            {
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.Equal("br", r.Content.Headers.ContentEncoding.Single());
                Assert.Contains("immutable", r.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            }
            // The API still goes to the services.
            using (var r = await client.GetAsync("/api/auth/providers")) await r.ExpectAsync(HttpStatusCode.OK);
        }
        finally
        {
            root.Delete(true);
        }
    }
}
