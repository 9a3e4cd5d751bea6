using System.Net;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

public sealed class PlatformTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_endpoints_report_each_module_database(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using (var r = await client.GetAsync("/health/live")) await r.ExpectAsync(HttpStatusCode.OK);
        var ready = await client.GetJsonAsync("/health/ready");
        Assert.Equal("Healthy", ready.Str("status"));
        Assert.Equal(TrackStack.Host.ModuleCatalog.All.Select(m => m.Name + "-db").Order(), ready["checks"]!.AsArray().Select(c => c.Str("name")).Order());
    }

    [Fact]
    public async Task The_host_starts_only_the_modules_asked_for()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, modules: TrackStack.Host.ModuleCatalog.Select("identity"));
        using var client = host.CreateClient();
        using (var r = await client.PostAsync("/api/auth/register", new { email = "only@example.org", password = Accounts.Password, displayName = "Only" })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await client.GetAsync("/api/households")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.False(File.Exists(Path.Combine(db.DataDir, "households.db")));
        Assert.Empty((await client.GetJsonAsync("/api/me"))["households"]!.AsArray());
    }

    [Fact]
    public async Task The_openapi_document_and_its_page_are_served()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        Assert.Equal("TrackStack API", doc["info"].Str("title"));
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/households/{householdId}/members", paths);
        Assert.Contains("/api/households/{householdId}/heating/analysis", paths);
        Assert.Contains("/api/households/{householdId}/heating/temperatures/import", paths);
        using var page = await client.GetAsync("/api/docs/index.html");
        await page.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("swagger", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Errors_are_problem_details_and_each_request_logs_one_line_with_its_route_template()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using (var r = await client.GetAsync("/api/nothing-here"))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        }
        using (var r = await client.GetAsync("/api/me")) Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        using (var r = await client.GetAsync("/api/invites/SECRET-TOKEN-VALUE")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);

        var lines = host.Logs.Entries.Where(e => e.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal)).ToList();
        var invite = Assert.Single(lines, l => l.State.Any(s => s.Key == "Route" && (string?)s.Value == "/api/invites/{token}"));
        Assert.Equal(401, invite.State.Single(s => s.Key == "Status").Value);
        Assert.Contains(invite.State, s => s.Key == "CorrelationId");
        Assert.Contains(invite.State, s => s.Key == "DurationMs");
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("SECRET-TOKEN-VALUE"));
    }
}
