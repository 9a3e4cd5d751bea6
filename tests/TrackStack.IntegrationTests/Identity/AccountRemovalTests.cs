using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Identity.Infrastructure;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>DELETE /api/me and 'users delete': sessions end at once, the account and its logins and tokens are gone,
/// and UserDeleted leaves through the outbox.</summary>
public sealed class AccountRemovalTests
{
    private static async Task<string> AccessTokenAsync(TestHost host, string email)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var r = await client.PostAsJsonAsync("/api/auth/token", new { email, password = Accounts.Password });
        return (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("accessToken");
    }

    private static async Task<HttpStatusCode> MeAsync(TestHost host, string access)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var r = await client.GetAsync("/api/me");
        return r.StatusCode;
    }

    private static Task<HttpResponseMessage> DeleteMeAsync(ApiClient client, object? body) =>
        client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = body is null ? null : JsonContent.Create(body) });

    private static async Task<(int Users, int Sessions, int RefreshTokens, int Logins, int EmailTokens, List<OutboxMessage> Deleted)> LeftoversAsync(TestHost host, Guid userId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var sessions = db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id);
        var events = await db.Set<OutboxMessage>().Where(m => m.Type == "identity.user-deleted.v1").ToListAsync();
        return (await db.Users.CountAsync(u => u.Id == userId), await sessions.CountAsync(),
            await db.RefreshTokens.CountAsync(t => sessions.Contains(t.SessionId)), await db.UserLogins.CountAsync(l => l.UserId == userId),
            await db.EmailTokens.CountAsync(t => t.UserId == userId), events);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_your_account_needs_the_password_ends_every_session_at_once_and_publishes_UserDeleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (web, userId) = await Accounts.RegisterAsync(host, "leaving@example.org");
        var (bystander, _) = await Accounts.RegisterAsync(host, "staying@example.org");
        using (var r = await host.CreateClient().PostAsync("/api/auth/forgot-password", new { email = "leaving@example.org" })) await r.ExpectAsync(HttpStatusCode.Accepted);
        var script = await AccessTokenAsync(host, "leaving@example.org");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(host, script));

        web.SendXsrf = false;
        using (var r = await DeleteMeAsync(web, new { password = Accounts.Password })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        web.SendXsrf = true;
        using (var r = await DeleteMeAsync(web, new { password = "not my password at all" }))
        {
            Assert.NotNull((await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["password"]);
        }
        using (var r = await DeleteMeAsync(web, null)) await r.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(host, script));

        using (var r = await DeleteMeAsync(web, new { password = Accounts.Password })) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Null(web.Cookie("ts_access"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(host, script));
        using (var r = await host.CreateClient().PostAsync("/api/auth/login", new { email = "leaving@example.org", password = Accounts.Password })) await r.ExpectAsync(HttpStatusCode.Unauthorized);

        var left = await LeftoversAsync(host, userId);
        Assert.Equal((0, 0, 0, 0, 0), (left.Users, left.Sessions, left.RefreshTokens, left.Logins, left.EmailTokens));
        var published = Assert.Single(left.Deleted);
        Assert.Equal(userId, JsonDocument.Parse(published.Payload).RootElement.GetProperty("userId").GetGuid());
        Assert.DoesNotContain("leaving@example.org", published.Payload);

        using (var r = await bystander.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.OK);
        // The address is free again.
        (await Accounts.RegisterAsync(host, "leaving@example.org")).Client.Dispose();
        bystander.Dispose();
        web.Dispose();
    }

    [Fact]
    public async Task An_account_without_a_password_is_deleted_after_a_recent_sign_in_only()
    {
        await using var github = await FakeGitHub.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, github.Settings);
        using var browser = host.CreateClient();
        await ExternalLoginTests.SignInAsync(browser, "/");
        var me = await browser.GetJsonAsync("/api/me");
        Assert.False(me["hasPassword"]!.GetValue<bool>());
        var userId = Guid.Parse(me.Str("id"));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            await identity.Sessions.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, x => x.CreatedAt.AddMinutes(-11)));
        }
        using (var r = await DeleteMeAsync(browser, null))
        {
            Assert.Equal("reauthentication_required", (await r.ReadJsonAsync(HttpStatusCode.Forbidden)).Str("code"));
        }

        using var again = host.CreateClient();
        await ExternalLoginTests.SignInAsync(again, "/");
        using (var r = await DeleteMeAsync(again, null)) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await browser.GetAsync("/api/me")) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        var left = await LeftoversAsync(host, userId);
        Assert.Equal((0, 0, 0), (left.Users, left.Sessions, left.Logins));
        Assert.Single(left.Deleted);
    }

    [Fact]
    public async Task An_operator_deletes_an_account_from_the_cli_and_the_running_server_drops_its_sessions_within_seconds()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (_, userId) = await Accounts.RegisterAsync(host, "gone@example.org");
        var access = await AccessTokenAsync(host, "gone@example.org");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(host, access));

        var (code, output, error) = await HostCli.RunAsync(db.DataDir, ["users", "delete", "--email", "gone@example.org"]);
        Assert.True(code == 0, error);
        Assert.Contains("Deleted gone@example.org", output);
        var since = Stopwatch.StartNew();
        while (await MeAsync(host, access) == HttpStatusCode.OK && since.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        Assert.True(since.Elapsed < TimeSpan.FromSeconds(5), $"The token worked {since.Elapsed.TotalSeconds:F1} s after the deletion.");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(host, access));
        var left = await LeftoversAsync(host, userId);
        Assert.Equal((0, 0), (left.Users, left.Sessions));
        Assert.Single(left.Deleted);

        (code, _, error) = await HostCli.RunAsync(db.DataDir, ["users", "delete", "--email", "gone@example.org"]);
        Assert.Equal(1, code);
        Assert.Contains("No account", error);
    }
}
