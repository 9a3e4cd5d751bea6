using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Metrics.MetricsApi;

namespace TrackStack.IntegrationTests.Monitoring;

/// <summary>/metrics: where it is served, its token, the platform's own series, and one trace from a request
/// through the event it raised to the handler in another module.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class MetricsEndpointTests
{
    private const string Token = "test-metrics-token-0123456789";

    [Fact]
    public async Task On_the_main_port_metrics_need_the_token_and_carry_requests_database_events_and_sign_in_failures()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?>
        {
            ["Monitoring:MetricsOnMainPort"] = "true",
            ["Monitoring:MetricsToken"] = Token,
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using (var r = await http.GetAsync("/metrics")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await ScrapeAsync(http, "Bearer wrong-token-of-some-length")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);

        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        await Accounts.CreateHouseholdAsync(owner, "Home");
        using (var r = await http.PostAsJsonAsync("/api/auth/login", new { email = "owner@example.org", password = "not the password" }))
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);

        // The events of the new household are delivered and handled in the background: wait for their counters.
        var text = "";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            using var r = await ScrapeAsync(http, "Bearer " + Token);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.StartsWith("text/plain", r.Content.Headers.ContentType?.MediaType);
            text = await r.Content.ReadAsStringAsync();
            if (text.Contains("trackstack_events_handled_total{") && text.Contains("trackstack_events_delivered_total{")) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);

        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_route=\"/api/auth/login\"", text);
        Assert.Contains("module=\"identity\",operation=\"select\"", text);
        Assert.Contains("trackstack_auth_sign_in_failures_total", text);
        Assert.Contains("trackstack_events_delivered_total{", text);
        Assert.Contains("trackstack_events_handled_total{", text);
        Assert.Contains("trackstack_outbox_pending{", text);
        Assert.Contains("trackstack_events_dead_lettered{", text);
        Assert.Contains("service_name=\"trackstack\"", text);
        // Scrapes themselves are not traffic of the API.
        Assert.DoesNotContain("http_route=\"/metrics\"", text);
    }

    [Fact]
    public async Task By_default_the_main_port_serves_no_metrics_and_the_management_port_serves_only_metrics()
    {
        var port = PrometheusServer.FreePort();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Monitoring:MetricsPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = new HttpClient();
        using (var r = await http.GetAsync(new Uri(host.BaseAddress, "/metrics")))
            Assert.DoesNotContain("# TYPE", await r.Content.ReadAsStringAsync());
        using (var r = await http.GetAsync($"http://127.0.0.1:{port}/metrics"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("# TYPE", await r.Content.ReadAsStringAsync());
        }
        using (var r = await http.GetAsync($"http://127.0.0.1:{port}/api/me")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await http.GetAsync($"http://127.0.0.1:{port}/health/ready")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        // The API still answers on its own port.
        using (var r = await http.GetAsync(new Uri(host.BaseAddress, "/api/me"))) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Fact]
    public async Task A_request_the_event_it_raised_and_the_handler_in_another_module_are_one_trace()
    {
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "TrackStack",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        using var created = await owner.PostAsync("/api/households", new { name = "Traced", timeZone = "Europe/Zurich", currency = "CHF", locale = "de-CH" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // The correlation id of a request without one of its own is its trace id.
        var traceId = created.Headers.GetValues("X-Correlation-Id").Single();

        // Generous: on a loaded two-core CI runner the relay and the handlers share the machine with other tests.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Activity> trace;
        do
        {
            trace = seen.Where(a => a.TraceId.ToHexString() == traceId).ToList();
            // Spans arrive as they stop, so wait for the whole shape: the delivery, a handler and a database
            // call under a handler, which may stop in any order across the relay's and handlers' threads.
            var handlers = trace.Where(a => a.OperationName.StartsWith("handle households.household-created", StringComparison.Ordinal)).ToList();
            if (trace.Any(a => a.OperationName.StartsWith("deliver households.household-created", StringComparison.Ordinal))
                && trace.Any(a => a.OperationName.StartsWith("db ", StringComparison.Ordinal) && handlers.Any(h => h.SpanId == a.ParentSpanId))) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);

        var delivered = Assert.Single(trace, a => a.OperationName.StartsWith("deliver households.household-created", StringComparison.Ordinal));
        Assert.Equal(ActivityKind.Producer, delivered.Kind);
        var handled = trace.Where(a => a.OperationName.StartsWith("handle households.household-created", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(handled);
        Assert.All(handled, h => Assert.Equal(delivered.SpanId, h.ParentSpanId));
        Assert.Contains(handled, h => (string?)h.GetTagItem("trackstack.handler") is { Length: > 0 });
        // The database calls of the request are spans of its trace too, and so are those of a handler.
        Assert.Contains(trace, a => a.OperationName == "db households insert" && a.Kind == ActivityKind.Client
            && (string?)a.GetTagItem("db.system") == "sqlite" && a.Duration > TimeSpan.Zero);
        Assert.Contains(trace, a => a.OperationName.StartsWith("db ", StringComparison.Ordinal) && handled.Any(h => h.SpanId == a.ParentSpanId));
    }

    [Fact]
    public async Task Sent_and_failed_e_mails_are_counted_by_kind()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?>
        {
            ["Monitoring:MetricsOnMainPort"] = "true",
            ["Monitoring:MetricsToken"] = Token,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:StartTls"] = "false",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var sender = host.Services.GetRequiredService<TrackStack.BuildingBlocks.Email.IEmailSender>();
        double Count(string text, string kind, string outcome) => text.Split('\n')
            .Where(l => l.StartsWith("trackstack_emails_sent_total{", StringComparison.Ordinal) && l.Contains($"kind=\"{kind}\"", StringComparison.Ordinal) && l.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        async Task<string> Scrape() { using var r = await ScrapeAsync(http, "Bearer " + Token); return await r.Content.ReadAsStringAsync(); }

        var before = await Scrape();
        await sender.SendAsync(new TrackStack.BuildingBlocks.Email.EmailMessage("ada@example.org", "Weekly report", "Spent 12 €.") { Kind = "report" }, CancellationToken.None);
        await sink.WaitForAsync("ada@example.org");
        await sink.DisposeAsync(); // the server is gone: the next send fails
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new TrackStack.BuildingBlocks.Email.EmailMessage("bob@example.org", "Weekly report", "x") { Kind = "report" }, CancellationToken.None));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string after;
        do after = await Scrape();
        while ((Count(after, "report", "sent") <= Count(before, "report", "sent") || Count(after, "report", "failed") <= Count(before, "report", "failed")) && DateTime.UtcNow < deadline);
        Assert.Equal(Count(before, "report", "sent") + 1, Count(after, "report", "sent"));
        Assert.Equal(Count(before, "report", "failed") + 1, Count(after, "report", "failed"));
    }

    private static Task<HttpResponseMessage> ScrapeAsync(HttpClient http, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return http.SendAsync(request);
    }
}
