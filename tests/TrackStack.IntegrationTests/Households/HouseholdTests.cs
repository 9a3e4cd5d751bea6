using System.Net;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Households;

public sealed class HouseholdTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Owner_creates_updates_and_invites_a_member_who_accepts(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, ownerId) = await Accounts.RegisterAsync(host, "owner@example.org", "Olivia");
        var (guest, guestId) = await Accounts.RegisterAsync(host, "guest@example.org", "Gus");

        var household = await Accounts.CreateHouseholdAsync(owner, "Rue des Lilas");
        using (var r = await owner.PutAsync($"/api/households/{household}", new { name = "Rue des Lilas 12", timeZone = "Europe/Brussels", currency = "EUR", locale = "fr-BE" }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Europe/Brussels", body.Str("timeZone"));
            Assert.Equal("fr-BE", body.Str("locale"));
        }

        using var invite = await owner.PostAsync($"/api/households/{household}/invites", new { email = "guest@example.org", role = "member" });
        var created = await invite.ReadJsonAsync(HttpStatusCode.Created);
        Assert.False(created["emailSent"]!.GetValue<bool>());
        Assert.StartsWith("http://localhost:8080/invite?token=", created.Str("acceptUrl"));
        var pending = await owner.GetJsonAsync($"/api/households/{household}/invites");
        Assert.Equal("guest@example.org", Assert.Single(pending.AsArray()).Str("email"));

        var preview = await guest.GetJsonAsync($"/api/invites/{created.Str("token")}");
        Assert.Equal("Rue des Lilas 12", preview.Str("householdName"));
        using (var r = await guest.PostAsync($"/api/invites/{created.Str("token")}/accept")) await r.ExpectAsync(HttpStatusCode.OK);
        // Single use: the same link cannot add anyone else.
        var (third, _) = await Accounts.RegisterAsync(host, "third@example.org");
        using (var r = await third.PostAsync($"/api/invites/{created.Str("token")}/accept")) await r.ExpectAsync(HttpStatusCode.NotFound);

        var members = await guest.GetJsonAsync($"/api/households/{household}/members");
        var byId = members.AsArray().ToDictionary(m => m.Str("userId"), m => m!);
        Assert.Equal("owner", byId[ownerId.ToString()].Str("role"));
        Assert.Equal("member", byId[guestId.ToString()].Str("role"));
        Assert.Equal("guest@example.org", byId[guestId.ToString()].Str("email"));

        var me = await guest.GetJsonAsync("/api/me");
        Assert.Contains(me["households"]!.AsArray(), h => h.Str("id") == household.ToString() && h.Str("role") == "member");
        Assert.Empty((await owner.GetJsonAsync($"/api/households/{household}/invites")).AsArray());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_household_is_invisible_to_non_members(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _) = await Accounts.RegisterAsync(host, "alice@example.org");
        var (mallory, _) = await Accounts.RegisterAsync(host, "mallory@example.org");
        var secret = await Accounts.CreateHouseholdAsync(alice, "Alice only");

        foreach (var path in new[] { "", "/members", "/invites", "/members/me" })
        {
            using var r = await mallory.GetAsync($"/api/households/{secret}{path}");
            var problem = await r.ReadJsonAsync(HttpStatusCode.NotFound);
            Assert.Equal("Household not found", problem.Str("title"));
        }
        using (var r = await mallory.PutAsync($"/api/households/{secret}", new { name = "Mine now", timeZone = "UTC", currency = "EUR", locale = "en-GB" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.PostAsync($"/api/households/{secret}/invites", new { email = "mallory@example.org", role = "owner" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await mallory.DeleteAsync($"/api/households/{secret}/members/{Guid.NewGuid()}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        // A household id that does not exist at all looks the same.
        using (var r = await mallory.GetAsync($"/api/households/{Guid.NewGuid()}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await mallory.GetJsonAsync("/api/households")).AsArray(), h => h.Str("id") == secret.ToString());
        Assert.Equal("Alice only", (await alice.GetJsonAsync($"/api/households/{secret}")).Str("name"));
    }

    [Fact]
    public async Task Viewers_read_but_cannot_write_and_members_cannot_manage()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "o@example.org");
        var (viewer, viewerId) = await Accounts.RegisterAsync(host, "v@example.org");
        var (member, _) = await Accounts.RegisterAsync(host, "m@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Shared");
        await Accounts.JoinAsync(owner, household, viewer, "v@example.org", "viewer");
        await Accounts.JoinAsync(owner, household, member, "m@example.org", "member");

        Assert.Equal("Shared", (await viewer.GetJsonAsync($"/api/households/{household}")).Str("name"));
        using (var r = await viewer.PutAsync($"/api/households/{household}", new { name = "X", timeZone = "UTC", currency = "EUR", locale = "en-GB" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await member.PutAsync($"/api/households/{household}", new { name = "X", timeZone = "UTC", currency = "EUR", locale = "en-GB" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await member.PostAsync($"/api/households/{household}/invites", new { email = "z@example.org", role = "member" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await member.PutAsync($"/api/households/{household}/members/{viewerId}", new { role = "admin" })) await r.ExpectAsync(HttpStatusCode.Forbidden);

        using (var r = await owner.PutAsync($"/api/households/{household}/members/{viewerId}", new { role = "admin" }))
        {
            Assert.Equal("admin", (await r.ReadJsonAsync(HttpStatusCode.OK)).Str("role"));
        }
        // An admin still cannot make anyone owner.
        using (var r = await viewer.PutAsync($"/api/households/{household}/members/{viewerId}", new { role = "owner" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_removed_member_loses_access_at_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (member, memberId) = await Accounts.RegisterAsync(host, "member@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Shared");
        await Accounts.JoinAsync(owner, household, member, "member@example.org", "member");
        using (var r = await member.GetAsync($"/api/households/{household}/members")) await r.ExpectAsync(HttpStatusCode.OK);

        using (var r = await owner.DeleteAsync($"/api/households/{household}/members/{memberId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        var removedAt = DateTime.UtcNow;
        // Same access token, still valid for minutes: membership is checked on every request, not baked into it.
        using (var r = await member.GetAsync($"/api/households/{household}/members")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.True(DateTime.UtcNow - removedAt < TimeSpan.FromSeconds(5));
        Assert.DoesNotContain((await member.GetJsonAsync("/api/me"))["households"]!.AsArray(), h => h.Str("id") == household.ToString());
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_or_be_demoted()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, ownerId) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (member, memberId) = await Accounts.RegisterAsync(host, "member@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Shared");
        await Accounts.JoinAsync(owner, household, member, "member@example.org", "member");

        using (var r = await owner.PostAsync($"/api/households/{household}/leave"))
        {
            Assert.Contains("last owner", (await r.ReadJsonAsync(HttpStatusCode.Conflict)).Str("detail"));
        }
        using (var r = await owner.PutAsync($"/api/households/{household}/members/{ownerId}", new { role = "member" })) await r.ExpectAsync(HttpStatusCode.Forbidden);

        using (var r = await owner.PutAsync($"/api/households/{household}/members/{memberId}", new { role = "owner" })) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.PostAsync($"/api/households/{household}/leave")) await r.ExpectAsync(HttpStatusCode.NoContent);
        var members = await member.GetJsonAsync($"/api/households/{household}/members");
        Assert.Equal(memberId.ToString(), Assert.Single(members.AsArray()).Str("userId"));
    }

    [Fact]
    public async Task Bad_settings_get_field_errors_and_change_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Home");
        using var r = await owner.PutAsync($"/api/households/{household}", new { name = "", timeZone = "Mars/Olympus", currency = "EURO", locale = "xx-NOPE" });
        var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.NotNull(errors["name"]);
        Assert.Contains("IANA", errors["timeZone"]![0]!.GetValue<string>());
        Assert.Contains("ISO 4217", errors["currency"]![0]!.GetValue<string>());
        Assert.NotNull(errors["locale"]);
        Assert.Equal("Home", (await owner.GetJsonAsync($"/api/households/{household}")).Str("name"));

        using var invite = await owner.PostAsync($"/api/households/{household}/invites", new { email = "nope", role = "king" });
        await invite.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_expired_invite_cannot_be_accepted()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (late, _) = await Accounts.RegisterAsync(host, "late@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Home");
        using var invite = await owner.PostAsync($"/api/households/{household}/invites", new { email = "late@example.org", role = "member" });
        var token = (await invite.ReadJsonAsync(HttpStatusCode.Created)).Str("token");

        clock.Advance(TimeSpan.FromDays(8));
        using var r = await late.PostAsync($"/api/invites/{token}/accept");
        Assert.Contains("expired", (await r.ReadJsonAsync(HttpStatusCode.NotFound)).Str("detail"));
    }
}
