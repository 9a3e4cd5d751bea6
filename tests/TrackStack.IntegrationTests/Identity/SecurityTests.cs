using System.Net;
using System.Net.Http.Json;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

public sealed class SecurityTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cookie_authenticated_writes_need_the_csrf_header(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (client, _) = await Accounts.RegisterAsync(host, "victim@example.org");

        client.SendXsrf = false;
        using (var r = await client.PostAsync("/api/households", new { name = "Forged" }))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.Forbidden);
            Assert.Contains("anti-CSRF", problem.Str("title"));
        }
        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/households") { Content = JsonContent.Create(new { name = "Forged" }) })
        {
            forged.Headers.Add("X-XSRF-TOKEN", "not-the-token");
            using var r = await client.Http.SendAsync(forged);
            await r.ExpectAsync(HttpStatusCode.Forbidden);
        }
        // A valid token of another session does not work either: it is bound to the session.
        var (other, _) = await Accounts.RegisterAsync(host, "attacker@example.org");
        using (var crossed = new HttpRequestMessage(HttpMethod.Post, "/api/households") { Content = JsonContent.Create(new { name = "Forged" }) })
        {
            crossed.Headers.Add("X-XSRF-TOKEN", other.Cookie("XSRF-TOKEN")!);
            using var r = await client.Http.SendAsync(crossed);
            await r.ExpectAsync(HttpStatusCode.Forbidden);
        }
        // Refresh and logout check it too.
        using (var r = await client.PostAsync("/api/auth/refresh")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await client.PostAsync("/api/auth/logout")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        // Reads need no header, and nothing was created by the forged requests.
        var households = await client.GetJsonAsync("/api/households");
        Assert.DoesNotContain(households.AsArray(), h => h.Str("name") == "Forged");

        client.SendXsrf = true;
        using (var r = await client.PostAsync("/api/households", new { name = "Real" })) await r.ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Repeated_failed_logins_lock_the_account(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Auth:MaxFailedLogins"] = "3", ["Auth:LockoutMinutes"] = "10" });
        (await Accounts.RegisterAsync(host, "locked@example.org")).Client.Dispose();
        using var client = host.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var r = await client.PostAsync("/api/auth/login", new { email = "locked@example.org", password = "wrong password!" });
            await r.ExpectAsync(HttpStatusCode.Unauthorized);
        }
        using (var r = await client.PostAsync("/api/auth/login", new { email = "locked@example.org", password = "wrong password!" }))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("locked_out", problem.Str("code"));
            Assert.True(int.Parse(r.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 500);
        }
        // Even the right password is refused while locked.
        using (var r = await client.PostAsync("/api/auth/login", new { email = "locked@example.org", password = Accounts.Password }))
        {
            await r.ExpectAsync(HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "known@example.org")).Client.Dispose();
        using var client = host.CreateClient();
        using var unknown = await client.PostAsync("/api/auth/login", new { email = "nobody@example.org", password = "whatever password" });
        using var wrong = await client.PostAsync("/api/auth/login", new { email = "known@example.org", password = "whatever password" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var a = await unknown.ReadJsonAsync(HttpStatusCode.Unauthorized);
        var b = await wrong.ReadJsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(a.Str("title"), b.Str("title"));
        Assert.Equal(a.Str("detail"), b.Str("detail"));
    }

    [Fact]
    public async Task Login_and_register_are_rate_limited_per_client()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" });
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var r = await client.PostAsync("/api/auth/login", new { email = "x@example.org", password = "nope nope nope" });
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(r.Headers.Contains("Retry-After"));
                var problem = await r.ReadJsonAsync(HttpStatusCode.TooManyRequests);
                Assert.Equal("Too many requests", problem.Str("title"));
            }
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        using var register = await client.PostAsync("/api/auth/register", new { email = "y@example.org", password = Accounts.Password, displayName = "Y" });
        await register.ExpectAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Registration_explains_each_rule_it_breaks()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using var r = await client.PostAsync("/api/auth/register", new { email = "not-an-email", password = "short", displayName = "" });
        var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!;
        Assert.Contains("valid e-mail", errors["email"]![0]!.GetValue<string>());
        Assert.Contains("1 to 100", errors["displayName"]![0]!.GetValue<string>());
        Assert.Contains(errors["password"]!.AsArray(), e => e!.GetValue<string>().Contains("at least 10 characters"));

        (await Accounts.RegisterAsync(host, "taken@example.org")).Client.Dispose();
        using var dup = await client.PostAsync("/api/auth/register", new { email = "Taken@Example.org", password = Accounts.Password, displayName = "T" });
        var dupProblem = await dup.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already exists", dupProblem["errors"]!["email"]![0]!.GetValue<string>());

        using var weak = await client.PostAsync("/api/auth/register", new { email = "gregory@example.org", password = "gregory-1234567", displayName = "G" });
        var weakProblem = await weak.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("e-mail name", weakProblem["errors"]!["password"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_a_correlation_id()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "my-trace-42");
        using var r = await client.Http.SendAsync(request);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
        // The camera is allowed for the site itself (barcode scanning), nothing else and no other origin.
        Assert.Equal("camera=(self), microphone=(), geolocation=(), payment=()", r.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("my-trace-42", r.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Oversized_bodies_are_refused()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using var r = await client.PostAsync("/api/auth/login", new { email = new string('a', 2 * 1024 * 1024), password = "x" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
    }
}
