using System.Net;
using System.Net.Http.Json;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>Regression tests for the security review's findings on accounts and sessions.</summary>
public sealed class ReviewFixesTests
{
    [Fact]
    public async Task Unknown_emails_lock_like_real_accounts_so_lockout_reveals_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Auth:MaxFailedLogins"] = "3" });
        (await Accounts.RegisterAsync(host, "real@example.org")).Client.Dispose();
        using var client = host.CreateClient();
        async Task<(HttpStatusCode, string?)> TryAsync(string email)
        {
            using var r = await client.PostAsync("/api/auth/login", new { email, password = "wrong password!!" });
            var body = await r.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            return (r.StatusCode, body?["code"]?.GetValue<string>());
        }
        var real = new List<(HttpStatusCode, string?)>();
        var ghost = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 4; i++)
        {
            real.Add(await TryAsync("real@example.org"));
            ghost.Add(await TryAsync("ghost@example.org"));
        }
        Assert.Equal(real, ghost);
        Assert.Equal((HttpStatusCode.TooManyRequests, "locked_out"), ghost[^1]);
    }

    [Fact]
    public async Task A_second_tab_refreshing_with_the_old_token_a_moment_later_does_not_sign_the_user_out()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (client, _) = await Accounts.RegisterAsync(host, "tabs@example.org");
        var old = client.Cookie("ts_refresh", "/api/auth")!;
        using (var r = await client.PostAsync("/api/auth/refresh")) await r.ExpectAsync(HttpStatusCode.OK);

        using var otherTab = host.CreateClient();
        using (var r = await otherTab.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = old })) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        // The family survives: the first tab keeps refreshing.
        using (var r = await client.PostAsync("/api/auth/refresh")) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Behind_a_trusted_https_proxy_cookies_are_secure_and_clients_are_told_apart()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "2" });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        async Task<HttpResponseMessage> SignUpVia(string clientIp, string email)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { email, password = Accounts.Password, displayName = "P" }) };
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", clientIp);
            return await client.SendAsync(request);
        }
        using (var r = await SignUpVia("203.0.113.7", "proxied@example.org"))
        {
            await r.ExpectAsync(HttpStatusCode.Created);
            Assert.All(r.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        }
        using (var r = await SignUpVia("203.0.113.7", "second@example.org")) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await SignUpVia("203.0.113.7", "third@example.org")) Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
        // Another client behind the same proxy has its own budget.
        using (var r = await SignUpVia("198.51.100.9", "fourth@example.org")) await r.ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/households?tab=1", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("/ok path", false)]
    public void Return_urls_must_be_plain_local_paths(string url, bool local) =>
        Assert.Equal(local, TrackStack.Identity.Features.SignInExternally.ReturnUrls.IsLocal(url));

    [Fact]
    public async Task Closed_sign_up_also_closes_external_sign_up()
    {
        await using var github = await FakeGitHub.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var settings = github.Settings;
        settings["Auth:AllowRegistration"] = "false";
        await using var host = await TestHost.StartAsync(db, settings);
        using var browser = host.CreateClient();
        Assert.Equal("/sign-in?error=registration_closed", await ExternalLoginTests.SignInAsync(browser, "/"));
    }

    [Fact]
    public async Task Using_one_reset_link_voids_the_others()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "links@example.org")).Client.Dispose();
        using var client = host.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var r = await client.PostAsync("/api/auth/forgot-password", new { email = "links@example.org" });
            await r.ExpectAsync(HttpStatusCode.Accepted);
        }
        var tokens = host.Logs.Entries.Where(e => e.Message.Contains("reset-password?token=", StringComparison.Ordinal))
            .Select(e => EmailFlowTests.TokenFrom(e.Message, "reset-password")).ToList();
        Assert.Equal(2, tokens.Count);
        using (var r = await client.PostAsync("/api/auth/reset-password", new { token = tokens[1], password = "the newest passphrase" })) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await client.PostAsync("/api/auth/reset-password", new { token = tokens[0], password = "an older link passphrase" })) await r.ExpectAsync(HttpStatusCode.BadRequest);
    }
}
