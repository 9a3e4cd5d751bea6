using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>Identity hardening: sign-up does not tell who has an account, oversized bodies get 413, external sign-in
/// failures and odd return URLs land on a page instead of a 5xx.</summary>
public sealed class HardeningTests
{
    private static Dictionary<string, string?> Smtp(SmtpSink sink, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:StartTls"] = "false",
            ["Smtp:From"] = "TrackStack <tracker@example.org>",
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return settings;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body, bool SetsCookies, TimeSpan Took)> SignUpAsync(TestHost host, string email)
    {
        using var client = host.CreateClient();
        var watch = Stopwatch.StartNew();
        using var r = await client.PostAsync("/api/auth/register", new { email, password = Accounts.Password, displayName = "Sam" });
        var took = watch.Elapsed;
        var text = await r.Content.ReadAsStringAsync();
        return (r.StatusCode, JsonNode.Parse(text)!, r.Headers.Contains("Set-Cookie"), took);
    }

    private static IEnumerable<string> Shape(JsonNode node, string prefix = "") => node is JsonObject o
        ? o.SelectMany(p => p.Value is JsonObject ? Shape(p.Value, prefix + p.Key + ".") : [prefix + p.Key]).Order()
        : [];

    [Fact]
    public async Task With_smtp_signing_up_with_a_taken_address_answers_like_a_new_one_after_the_same_hashing_and_mails_the_owner()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        // A real Argon2id cost, so that skipping the hash would show in the timing.
        await using var host = await TestHost.StartAsync(db, Smtp(sink, new() { ["Auth:PasswordHashIterations"] = "2", ["Auth:PasswordHashMemoryKiB"] = "65536" }));
        var ownerId = await host.Services.GetRequiredService<IServiceScopeFactory>().CreateOperatorAsync("owner@example.org", "Olivia");
        (await SignUpAsync(host, "warmup@example.org")).Body.ToString(); // JIT, pools

        var fresh = new List<TimeSpan>();
        var taken = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var a = await SignUpAsync(host, $"new{i}@example.org");
            var b = await SignUpAsync(host, i % 2 == 0 ? "owner@example.org" : "Owner@Example.org");
            Assert.Equal(HttpStatusCode.Created, a.Status);
            Assert.Equal(a.Status, b.Status);
            Assert.Equal(Shape(a.Body), Shape(b.Body));
            Assert.Equal((true, false), (a.Body["verificationRequired"]!.GetValue<bool>(), a.Body["user"]!["emailVerified"]!.GetValue<bool>()));
            Assert.Equal((true, false), (b.Body["verificationRequired"]!.GetValue<bool>(), b.Body["user"]!["emailVerified"]!.GetValue<bool>()));
            Assert.Equal("owner@example.org", b.Body["user"]!.Str("email"));
            Assert.NotEqual(ownerId.ToString(), b.Body["user"]!.Str("id"));
            Assert.False(a.SetsCookies || b.SetsCookies);
            fresh.Add(a.Took);
            taken.Add(b.Took);
        }
        var median = (List<TimeSpan> l) => l.Order().ElementAt(l.Count / 2).TotalMilliseconds;
        Assert.True(median(taken) > 0.5 * median(fresh) && median(taken) < 2 * median(fresh),
            $"Median sign-up took {median(fresh):F0} ms for a new address and {median(taken):F0} ms for a taken one.");

        var note = await sink.WaitForAsync("owner@example.org");
        Assert.Contains("sign up", note.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/sign-in", note.Body);
        Assert.Contains("/forgot-password", note.Body);
        Assert.DoesNotContain("token=", note.Body);
        // The account itself is untouched.
        (await Accounts.LoginAsync(host, "owner@example.org")).Dispose();
        using var r = await host.CreateClient().PostAsync("/api/auth/login", new { email = "owner@example.org", password = Accounts.Password });
        Assert.Equal("Olivia", (await r.ReadJsonAsync(HttpStatusCode.OK))["user"]!.Str("displayName"));
    }

    [Fact]
    public async Task Without_smtp_a_taken_address_is_reported_because_accounts_are_active_at_once()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "solo@example.org")).Client.Dispose();
        var again = await SignUpAsync(host, "solo@example.org");
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("already exists", again.Body["errors"]!["email"]![0]!.GetValue<string>());
        Assert.False(again.SetsCookies);
    }

    public static TheoryData<string, bool> AnonymousPosts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in new[] { "/api/auth/refresh", "/api/auth/logout", "/api/auth/register", "/api/auth/login", "/api/auth/token", "/api/auth/verify-email", "/api/auth/verify-email/resend", "/api/auth/forgot-password", "/api/auth/reset-password" })
        {
            data.Add(path, true);
            data.Add(path, false);
        }
        return data;
    }

    /// <summary>1.1 MB of JSON, with a Content-Length or streamed (chunked), is over the server's 1 MB limit.</summary>
    [Theory]
    [MemberData(nameof(AnonymousPosts))]
    public async Task An_oversized_body_to_an_anonymous_auth_endpoint_is_a_413_not_a_500(string path, bool withLength)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var json = Encoding.UTF8.GetBytes("{\"refreshToken\":\"" + new string('a', 1_100_000) + "\"}");
        HttpContent content = withLength ? new ByteArrayContent(json) : new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!withLength) content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (!withLength) request.Headers.TransferEncodingChunked = true;
        HttpStatusCode status;
        try
        {
            using var r = await client.SendAsync(request);
            status = r.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may answer 413 and close before the upload ends; then ask the log what it answered.
            status = HttpStatusCode.RequestEntityTooLarge;
        }
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static Dictionary<string, string?> BothProviders(FakeGitHub github)
    {
        var settings = github.Settings;
        settings["OAuth:Google:ClientId"] = "fake-google";
        settings["OAuth:Google:ClientSecret"] = "fake-google-secret";
        settings["OAuth:Google:AuthorizationEndpoint"] = new Uri(github.BaseAddress, "/google/authorize").ToString();
        settings["OAuth:Google:TokenEndpoint"] = new Uri(github.BaseAddress, "/google/token").ToString();
        settings["OAuth:Google:UserInformationEndpoint"] = new Uri(github.BaseAddress, "/google/userinfo").ToString();
        return settings;
    }

    [Theory]
    [InlineData("github")]
    [InlineData("google")]
    public async Task A_cancelled_or_forged_external_callback_lands_on_the_sign_in_page(string provider)
    {
        await using var github = await FakeGitHub.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, BothProviders(github));
        using var browser = host.CreateClient();

        // A real start: the browser holds the correlation cookie and the provider would get this state back.
        using var start = await browser.GetAsync($"/api/auth/external/{provider}?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"]!;
        var callback = $"/api/auth/signin-{provider}";
        string[] queries =
        [
            $"?error=access_denied&error_description=The+user+cancelled&state={Uri.EscapeDataString(state)}", // Cancel at the provider
            "?error=access_denied",
            "?code=some-code&state=not-our-state",
            "?code=some-code",
            "",
            $"?code=bad-code&state={Uri.EscapeDataString(state)}", // the token endpoint refuses the code
        ];
        foreach (var query in queries)
        {
            using var r = await browser.GetAsync(callback + query);
            Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{callback}{query} answered {(int)r.StatusCode}");
            Assert.Equal("/sign-in?error=external_failed", r.Headers.Location!.OriginalString);
        }
        using (var me = await browser.GetAsync("/api/me")) Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("%2F%C3%BC", "/%C3%BC")] // "/ü"
    [InlineData("/%E2%80%AE", "/")] // U+202E right-to-left override: not a plain local path
    [InlineData("%2F%25E2%2580%25AE", "/%E2%80%AE")] // the same, percent-encoded once more: a literal, harmless path
    [InlineData("%2Fm%C3%BCnchen%3Ftab%3D%C3%A9t%C3%A9", "/m%C3%BCnchen?tab=%C3%A9t%C3%A9")]
    [InlineData("%2F%F0%9F%94%91", "/%F0%9F%94%91")] // a key emoji (a surrogate pair)
    [InlineData("%2F%ED%A0%80", "/%ED%A0%80")] // a UTF-8 encoded lone surrogate: not decoded, kept as a literal path
    public async Task A_non_ascii_return_url_lands_on_a_local_page_and_never_on_a_5xx(string returnUrl, string landing)
    {
        await using var github = await FakeGitHub.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, github.Settings);
        using var browser = host.CreateClient();

        using var start = await browser.GetAsync($"/api/auth/external/github?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await provider.GetAsync(start.Headers.Location);
        using var back = await browser.Http.GetAsync(authorize.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        using var complete = await browser.Http.GetAsync(back.Headers.Location);
        Assert.True(complete.StatusCode == HttpStatusCode.Redirect, $"The sign-in completed with {(int)complete.StatusCode}");
        Assert.Equal(landing, complete.Headers.Location!.OriginalString);
        (await browser.GetJsonAsync("/api/me")).Str("email");

        // The completion endpoint called directly with the raw value redirects too.
        using var direct = await host.CreateClient().GetAsync($"/api/auth/external/complete?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.StartsWith("/", direct.Headers.Location!.OriginalString);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("/ü", true)]
    [InlineData("/\u202Eevil", false)]
    [InlineData("/zero\u200Bwidth", false)]
    [InlineData("/🔑", true)]
    public void Return_urls_may_hold_letters_of_any_script_but_no_invisible_formatting(string url, bool local) =>
        Assert.Equal(local, TrackStack.Identity.Features.SignInExternally.ReturnUrls.IsLocal(url));

    [Fact]
    public void A_broken_surrogate_pair_is_not_a_local_path()
    {
        Assert.False(TrackStack.Identity.Features.SignInExternally.ReturnUrls.IsLocal("/" + (char)0xD800));
        Assert.False(TrackStack.Identity.Features.SignInExternally.ReturnUrls.IsLocal("/" + (char)0xDC00 + "x"));
    }
}
