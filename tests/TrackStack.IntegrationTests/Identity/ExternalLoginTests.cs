using System.Net;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

public sealed class ExternalLoginTests
{
    [Fact]
    public async Task GitHub_sign_in_creates_the_account_once_and_signs_in()
    {
        await using var github = await FakeGitHub.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, github.Settings);
        using var browser = host.CreateClient();

        var providers = await browser.GetJsonAsync("/api/auth/providers");
        Assert.Equal("github", Assert.Single(providers.AsArray()).Str("name"));

        var landing = await SignInAsync(browser, "/households?tab=members");
        Assert.Equal("/households?tab=members", landing);
        var me = await browser.GetJsonAsync("/api/me");
        Assert.Equal("octo@example.org", me.Str("email"));
        Assert.Equal("Octo Cat", me.Str("displayName"));
        Assert.True(me["emailVerified"]!.GetValue<bool>());
        Assert.False(me["hasPassword"]!.GetValue<bool>());
        Assert.Equal("github", Assert.Single(me["externalLogins"]!.AsArray())!.GetValue<string>());
        await Accounts.WaitForPersonalHouseholdAsync(browser);

        using var again = host.CreateClient();
        await SignInAsync(again, "/");
        Assert.Equal(me.Str("id"), (await again.GetJsonAsync("/api/me")).Str("id"));
        Assert.Equal(2, github.TokenRequests);
    }

    [Fact]
    public async Task GitHub_links_to_an_existing_account_only_for_a_verified_address()
    {
        await using var github = await FakeGitHub.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, github.Settings);
        var (owner, ownerId) = await Accounts.RegisterAsync(host, "octo@example.org", "Octo");

        github.EmailVerified = false;
        using (var stranger = host.CreateClient())
        {
            // GitHub never hands over an unverified address, so nothing can be matched or linked.
            Assert.Equal("/sign-in?error=email_required", await SignInAsync(stranger, "/"));
            using var r = await stranger.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        }

        github.EmailVerified = true;
        using var linked = host.CreateClient();
        await SignInAsync(linked, "/");
        var me = await linked.GetJsonAsync("/api/me");
        Assert.Equal(ownerId.ToString(), me.Str("id"));
        Assert.True(me["hasPassword"]!.GetValue<bool>());
        owner.Dispose();
    }

    [Fact]
    public async Task Providers_are_off_without_client_credentials_and_external_urls_are_not_followed()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        Assert.Empty((await client.GetJsonAsync("/api/auth/providers")).AsArray());
        using var r = await client.GetAsync("/api/auth/external/github");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    /// <summary>Follows the redirect chain a browser would: app → provider → app callback → complete → app page.</summary>
    internal static async Task<string> SignInAsync(ApiClient browser, string returnUrl)
    {
        using var start = await browser.GetAsync($"/api/auth/external/github?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await provider.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = authorize.Headers.Location!;
        Assert.StartsWith("/api/auth/signin-github", callback.AbsolutePath);
        using var back = await browser.Http.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        using var complete = await browser.Http.GetAsync(back.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        return complete.Headers.Location!.OriginalString;
    }
}

