using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

public sealed class SessionTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_signs_in_and_creates_the_personal_household(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (client, userId) = await Accounts.RegisterAsync(host, "alice@example.org", "Alice");

        Assert.NotNull(client.Cookie("ts_access"));
        Assert.NotNull(client.Cookie("ts_refresh", "/api/auth"));
        Assert.NotNull(client.Cookie("XSRF-TOKEN"));
        var householdId = await Accounts.WaitForPersonalHouseholdAsync(client);

        var me = await client.GetJsonAsync("/api/me");
        Assert.Equal(userId.ToString(), me.Str("id"));
        Assert.Equal("alice@example.org", me.Str("email"));
        var household = Assert.Single(me["households"]!.AsArray());
        Assert.Equal(householdId.ToString(), household.Str("id"));
        Assert.Equal("owner", household.Str("role"));
        Assert.Equal("Alice's household", household.Str("name"));
    }

    [Fact]
    public async Task Access_cookie_is_httpOnly_lax_and_refresh_cookie_is_scoped_to_auth()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using var response = await client.PostAsync("/api/auth/register", new { email = "c@example.org", password = Accounts.Password, displayName = "C" });
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("ts_access=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=lax") && c.Contains("path=/;"));
        Assert.Contains(cookies, c => c.StartsWith("ts_refresh=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("path=/api/auth"));
        Assert.Contains(cookies, c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal) && !c.Contains("httponly"));
        // Plain HTTP here: Secure is only set behind HTTPS.
        Assert.DoesNotContain(cookies, c => c.Contains("secure"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Refresh_rotates_and_reusing_a_rotated_token_revokes_the_whole_session(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var (client, _) = await Accounts.RegisterAsync(host, "bob@example.org");
        var first = client.Cookie("ts_refresh", "/api/auth")!;

        using (var r = await client.PostAsync("/api/auth/refresh")) await r.ReadJsonAsync(HttpStatusCode.OK);
        var second = client.Cookie("ts_refresh", "/api/auth")!;
        Assert.NotEqual(first, second);
        clock.Advance(TimeSpan.FromSeconds(20)); // past the grace that protects a second tab refreshing at once

        // An attacker replays the first (already rotated) token...
        using var thief = host.CreateClient();
        thief.SendXsrf = false;
        using (var r = await thief.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first }))
        {
            var problem = await r.ReadJsonAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("already used", problem.Str("title"));
        }
        // ...and the legitimate holder's newer token dies with the family.
        using (var r = await client.PostAsync("/api/auth/refresh")) await r.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_session_and_clears_cookies()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (client, _) = await Accounts.RegisterAsync(host, "carol@example.org");
        var refresh = client.Cookie("ts_refresh", "/api/auth")!;

        using (var r = await client.PostAsync("/api/auth/logout")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Null(client.Cookie("ts_access"));
        using (var r = await client.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.Unauthorized);

        using var replay = host.CreateClient();
        using (var r = await replay.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })) await r.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Scripts_use_bearer_tokens_without_cookies_or_csrf_header(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "dave@example.org")).Client.Dispose();

        using var script = new HttpClient { BaseAddress = host.BaseAddress };
        using var token = await script.PostAsJsonAsync("/api/auth/token", new { email = "dave@example.org", password = Accounts.Password });
        var body = await token.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(token.Headers.Contains("Set-Cookie"));
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.Str("accessToken"));

        using (var r = await script.PostAsJsonAsync("/api/households", new { name = "Scripted" })) await r.ExpectAsync(HttpStatusCode.Created);

        using var renewed = await script.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = body.Str("refreshToken") });
        var next = await renewed.ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(body.Str("refreshToken"), next.Str("refreshToken"));
    }

    [Fact]
    public async Task A_tampered_or_foreign_access_token_is_rejected()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        await using var otherDb = await TestDatabase.CreateAsync("sqlite");
        await using var other = await TestHost.StartAsync(otherDb); // its own signing key
        var (_, _) = await Accounts.RegisterAsync(other, "eve@example.org");
        using var script = new HttpClient { BaseAddress = other.BaseAddress };
        using var token = await script.PostAsJsonAsync("/api/auth/token", new { email = "eve@example.org", password = Accounts.Password });
        var access = (await token.ReadJsonAsync(HttpStatusCode.OK)).Str("accessToken");

        using var foreign = new HttpClient { BaseAddress = host.BaseAddress };
        foreign.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using (var r = await foreign.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.Unauthorized);

        var parts = access.Split('.');
        var tampered = parts[0] + "." + parts[1].Replace('A', 'B') + "." + parts[2];
        using var tamperClient = new HttpClient { BaseAddress = other.BaseAddress };
        tamperClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        using (var r = await tamperClient.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_key_survives_a_restart_so_sessions_do()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        ApiClient client;
        await using (var host = await TestHost.StartAsync(db))
        {
            (client, _) = await Accounts.RegisterAsync(host, "frank@example.org");
        }
        await using var again = await TestHost.StartAsync(db);
        using var next = again.CreateClient();
        foreach (System.Net.Cookie c in client.Cookies.GetAllCookies()) next.Cookies.Add(new Uri(again.BaseAddress, c.Path), new System.Net.Cookie(c.Name, c.Value, c.Path));
        using (var r = await next.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.OK);
        client.Dispose();
    }
}
