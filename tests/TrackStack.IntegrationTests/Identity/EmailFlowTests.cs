using System.Net;
using System.Text.RegularExpressions;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Identity;

/// <summary>Verification and password reset through a real SMTP server.</summary>
public sealed partial class EmailFlowTests
{
    private static Dictionary<string, string?> Smtp(SmtpSink sink) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:StartTls"] = "false",
        ["Smtp:From"] = "TrackStack <tracker@example.org>",
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task With_smtp_an_account_must_verify_its_email_with_a_single_use_link(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, Smtp(sink));
        using var client = host.CreateClient();

        using (var r = await client.PostAsync("/api/auth/register", new { email = "vera@example.org", password = Accounts.Password, displayName = "Vera" }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.Created);
            Assert.True(body["verificationRequired"]!.GetValue<bool>());
            Assert.Null(client.Cookie("ts_access"));
        }
        using (var r = await client.PostAsync("/api/auth/login", new { email = "vera@example.org", password = Accounts.Password }))
        {
            Assert.Equal("email_not_verified", (await r.ReadJsonAsync(HttpStatusCode.Forbidden)).Str("code"));
        }

        var mail = await sink.WaitForAsync("vera@example.org");
        Assert.Contains("Confirm", mail.Subject);
        var token = TokenFrom(mail.Body, "verify-email");
        using (var r = await client.PostAsync("/api/auth/verify-email", new { token }))
        {
            Assert.True((await r.ReadJsonAsync(HttpStatusCode.OK))["emailVerified"]!.GetValue<bool>());
        }
        using (var r = await client.PostAsync("/api/auth/verify-email", new { token })) await r.ExpectAsync(HttpStatusCode.BadRequest);
        using (var r = await client.PostAsync("/api/auth/login", new { email = "vera@example.org", password = Accounts.Password })) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Password_reset_by_email_changes_the_password_once_and_signs_out_everywhere(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, Smtp(sink));
        using (var r = await host.CreateClient().PostAsync("/api/auth/register", new { email = "rita@example.org", password = Accounts.Password, displayName = "Rita" })) await r.ExpectAsync(HttpStatusCode.Created);
        var verify = TokenFrom((await sink.WaitForAsync("rita@example.org")).Body, "verify-email");
        using (var r = await host.CreateClient().PostAsync("/api/auth/verify-email", new { token = verify })) await r.ExpectAsync(HttpStatusCode.OK);
        var oldSession = await Accounts.LoginAsync(host, "rita@example.org");

        using var client = host.CreateClient();
        using (var r = await client.PostAsync("/api/auth/forgot-password", new { email = "rita@example.org" })) await r.ExpectAsync(HttpStatusCode.Accepted);
        using (var r = await client.PostAsync("/api/auth/forgot-password", new { email = "nobody@example.org" })) await r.ExpectAsync(HttpStatusCode.Accepted);
        var token = TokenFrom((await sink.WaitForAsync("rita@example.org", m => m.Subject.Contains("Reset"))).Body, "reset-password");

        using (var r = await client.PostAsync("/api/auth/reset-password", new { token, password = "short" }))
        {
            Assert.NotNull((await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["password"]);
        }
        const string newPassword = "a brand new passphrase";
        using (var r = await client.PostAsync("/api/auth/reset-password", new { token, password = newPassword })) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await client.PostAsync("/api/auth/reset-password", new { token, password = "another new passphrase" })) await r.ExpectAsync(HttpStatusCode.BadRequest);

        using (var r = await client.PostAsync("/api/auth/login", new { email = "rita@example.org", password = Accounts.Password })) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        using (var r = await client.PostAsync("/api/auth/login", new { email = "rita@example.org", password = newPassword })) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await oldSession.PostAsync("/api/auth/refresh")) await r.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(sink.All, m => m.To.Contains("nobody@example.org"));
    }

    [Fact]
    public async Task Without_smtp_accounts_are_active_and_links_go_to_the_log()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        (await Accounts.RegisterAsync(host, "solo@example.org")).Client.Dispose();
        using var client = host.CreateClient();
        using (var r = await client.PostAsync("/api/auth/forgot-password", new { email = "solo@example.org" })) await r.ExpectAsync(HttpStatusCode.Accepted);

        var entry = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("SMTP is not configured"));
        var token = TokenFrom(entry.Message, "reset-password");
        using (var r = await client.PostAsync("/api/auth/reset-password", new { token, password = "logged link passphrase" })) await r.ExpectAsync(HttpStatusCode.NoContent);
        using (var r = await client.PostAsync("/api/auth/login", new { email = "solo@example.org", password = "logged link passphrase" })) await r.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invites_are_mailed_when_smtp_is_configured()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, Smtp(sink));
        await host.Services.GetRequiredService<IServiceScopeFactory>().CreateOperatorAsync("olga@example.org");
        var owner = await Accounts.LoginAsync(host, "olga@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Flat 4B");

        using var r = await owner.PostAsync($"/api/households/{household}/invites", new { email = "newbie@example.org", role = "member" });
        var invite = await r.ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(invite["emailSent"]!.GetValue<bool>());
        var mail = await sink.WaitForAsync("newbie@example.org");
        Assert.Contains("Flat 4B", mail.Subject);
        Assert.Contains(invite.Str("acceptUrl"), mail.Body);
    }

    internal static string TokenFrom(string text, string page)
    {
        var match = Regex.Match(text, page + @"\?token=([A-Za-z0-9_\-%]+)");
        Assert.True(match.Success, $"No {page} link in: {text}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
