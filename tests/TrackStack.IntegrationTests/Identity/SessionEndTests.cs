using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Probe;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>An access token stops working when its session ends, not when the token expires: at once in the process
/// that ended it, within 5 seconds in any other (a replica, a service without the Identity module, the operator CLI).
/// Each test first uses the token successfully, so the "active" answer is cached before the session ends.</summary>
public sealed class SessionEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private sealed record Tokens(string Access, string Refresh);

    private static async Task<Tokens> TokenAsync(TestHost host, string email, string password = Accounts.Password)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var r = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        var body = await r.ReadJsonAsync(HttpStatusCode.OK);
        return new Tokens(body.Str("accessToken"), body.Str("refreshToken"));
    }

    private static async Task<HttpStatusCode> GetAsync(Uri baseAddress, string access, string path = "/api/me")
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var r = await client.GetAsync(path);
        return r.StatusCode;
    }

    /// <summary>Polls until the token is refused; returns how long that took after <paramref name="since"/>.</summary>
    private static async Task<TimeSpan> RefusedAfterAsync(Uri baseAddress, string access, Stopwatch since, string path = "/api/me", HttpStatusCode tolerate = HttpStatusCode.OK)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(20))
        {
            var status = await GetAsync(baseAddress, access, path);
            if (status == HttpStatusCode.Unauthorized) return since.Elapsed;
            Assert.True(status == HttpStatusCode.OK || status == tolerate, $"Unexpected {(int)status} while waiting for the token to be refused.");
            await Task.Delay(100);
        }
        throw new TimeoutException($"The access token still worked {since.Elapsed.TotalSeconds:F1} s after its session ended.");
    }

    [Fact]
    public async Task Logout_ends_the_access_token_at_once_from_a_bearer_script_and_from_the_web_app()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (web, _) = await Accounts.RegisterAsync(host, "logout@example.org");
        var script = await TokenAsync(host, "logout@example.org");
        var webAccess = web.Cookie(AuthConstants.AccessCookie)!;
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, script.Access));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, webAccess));

        using (var logout = new HttpClient { BaseAddress = host.BaseAddress })
        using (var r = await logout.PostAsJsonAsync("/api/auth/logout", new { refreshToken = script.Refresh })) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host.BaseAddress, script.Access));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, webAccess)); // another session

        // The web app: the copied access cookie, sent again as a cookie after the sign-out, is refused too.
        using (var r = await web.PostAsync("/api/auth/logout")) await r.ExpectAsync(HttpStatusCode.NoContent);
        using var stale = host.CreateClient();
        stale.Cookies.Add(host.BaseAddress, new Cookie(AuthConstants.AccessCookie, webAccess, "/"));
        using (var r = await stale.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host.BaseAddress, webAccess));
        web.Dispose();
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_ends_every_access_token_of_the_session_at_once()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        (await Accounts.RegisterAsync(host, "reuse@example.org")).Client.Dispose();
        var first = await TokenAsync(host, "reuse@example.org");
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        Tokens second;
        using (var r = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.Refresh }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            second = new Tokens(body.Str("accessToken"), body.Str("refreshToken"));
        }
        clock.Advance(TimeSpan.FromSeconds(20)); // past the grace for racing tabs
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, second.Access));

        using (var r = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.Refresh })) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host.BaseAddress, second.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host.BaseAddress, first.Access));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_at_once()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "quinn@example.org")).Client.Dispose();
        var tokens = await TokenAsync(host, "quinn@example.org");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, tokens.Access));

        using var client = host.CreateClient();
        using (var r = await client.PostAsync("/api/auth/forgot-password", new { email = "quinn@example.org" })) await r.ExpectAsync(HttpStatusCode.Accepted);
        var link = host.Logs.Entries.Single(e => e.Message.Contains("reset-password?token=", StringComparison.Ordinal));
        using (var r = await client.PostAsync("/api/auth/reset-password", new { token = EmailFlowTests.TokenFrom(link.Message, "reset-password"), password = "a reset passphrase" }))
        {
            await r.ExpectAsync(HttpStatusCode.NoContent);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host.BaseAddress, tokens.Access));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (web, _) = await Accounts.RegisterAsync(host, "petra@example.org");
        var other = await TokenAsync(host, "petra@example.org");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, other.Access));

        using (var r = await web.PostAsync("/api/me/password", new { currentPassword = Accounts.Password, newPassword = "a changed passphrase" })) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host.BaseAddress, other.Access));
        using (var r = await web.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await web.PostAsync("/api/auth/refresh")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await web.PutAsync("/api/me", new { displayName = "Still signed in" })) await r.ExpectAsync(HttpStatusCode.OK);
        web.Dispose();
    }

    [Fact]
    public async Task An_operator_reset_from_the_cli_process_ends_the_running_servers_sessions_within_seconds()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "ops@example.org")).Client.Dispose();
        var tokens = await TokenAsync(host, "ops@example.org");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host.BaseAddress, tokens.Access));

        var (code, _, error) = await HostCli.RunAsync(db.DataDir, ["users", "reset-password", "--email", "ops@example.org", "--password-stdin"], "an operator passphrase\n");
        Assert.True(code == 0, error);
        var took = await RefusedAfterAsync(host.BaseAddress, tokens.Access, Stopwatch.StartNew());
        Assert.True(took < Bound, $"The token still worked {took.TotalSeconds:F1} s after the operator's reset.");
    }

    [Fact]
    public async Task A_session_ended_on_one_replica_is_refused_by_another_within_5_seconds()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var identityOnly = TrackStack.Host.ModuleCatalog.Select("identity");
        await using var a = await TestHost.StartAsync(db, modules: identityOnly);
        await using var b = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Messaging:RelayEnabled"] = "false" }, identityOnly);
        (await Accounts.RegisterAsync(a, "replica@example.org")).Client.Dispose();
        var tokens = await TokenAsync(a, "replica@example.org");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(b.BaseAddress, tokens.Access));

        using (var logout = new HttpClient { BaseAddress = a.BaseAddress })
        using (var r = await logout.PostAsJsonAsync("/api/auth/logout", new { refreshToken = tokens.Refresh })) await r.ExpectAsync(HttpStatusCode.NoContent);
        var since = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(a.BaseAddress, tokens.Access));
        var took = await RefusedAfterAsync(b.BaseAddress, tokens.Access, since);
        Assert.True(took < Bound, $"Replica b accepted the token {took.TotalSeconds:F1} s after sign-out.");
    }

    [Fact]
    public async Task A_service_without_the_identity_module_asks_identity_and_refuses_an_ended_session_within_5_seconds()
    {
        await using var split = await SplitHosts.StartAsync();
        var (core, probe) = (split.Core, split.Probe);
        var (owner, _) = await Accounts.RegisterAsync(core, "split@example.org");
        var household = await Accounts.WaitForPersonalHouseholdAsync(owner);
        owner.Dispose();
        var tokens = await TokenAsync(core, "split@example.org");
        var items = $"/api/households/{household}/probe/items";
        Assert.Equal(HttpStatusCode.OK, await GetAsync(probe.BaseAddress, tokens.Access, items));

        using (var logout = new HttpClient { BaseAddress = core.BaseAddress })
        using (var r = await logout.PostAsJsonAsync("/api/auth/logout", new { refreshToken = tokens.Refresh })) await r.ExpectAsync(HttpStatusCode.NoContent);
        // While the probe still trusts its cached session answer, its household check (cached 2 s) may already ask
        // Households with the dead token: that answer is a 401 too (never a 500), and nothing succeeds past the bound.
        var since = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = await GetAsync(probe.BaseAddress, tokens.Access, items);
            if (status == HttpStatusCode.OK) await Task.Delay(100);
        }
        while (status == HttpStatusCode.OK && since.Elapsed < TimeSpan.FromSeconds(20));
        Assert.True(since.Elapsed < Bound, $"The service without Identity accepted the token {since.Elapsed.TotalSeconds:F1} s after sign-out.");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_service_that_cannot_reach_identity_refuses_signed_in_requests_with_a_503_to_retry_and_without_its_setting_with_a_401()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        await using var coreDb = await TestDatabase.CreateAsync("sqlite");
        await using var core = await TestHost.StartAsync(coreDb, new Dictionary<string, string?> { ["Auth:SigningKey"] = key });
        (await Accounts.RegisterAsync(core, "closed@example.org")).Client.Dispose();
        var tokens = await TokenAsync(core, "closed@example.org");
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more

        await using var unreachableDb = await TestDatabase.CreateAsync("sqlite");
        await using var unreachable = await TestHost.StartAsync(unreachableDb, new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = key,
            ["Services:IdentityUrl"] = $"http://127.0.0.1:{deadPort}/",
        }, [ProbeModule.Definition]);
        // Identity down is an outage: refused, but as a 503 the web app retries rather than a 401 that signs it out.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetAsync(unreachable.BaseAddress, tokens.Access, $"/api/households/{Guid.NewGuid()}/probe/items"));
        Assert.Contains(unreachable.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Could not check whether session", StringComparison.Ordinal));

        await using var unsetDb = await TestDatabase.CreateAsync("sqlite");
        await using var unset = await TestHost.StartAsync(unsetDb, new Dictionary<string, string?> { ["Auth:SigningKey"] = key }, [ProbeModule.Definition]);
        // A missing setting is no outage: a plain refusal.
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(unset.BaseAddress, tokens.Access, $"/api/households/{Guid.NewGuid()}/probe/items"));
        Assert.Contains(unset.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("TrackStack__Services__IdentityUrl is not set", StringComparison.Ordinal));
    }
}
