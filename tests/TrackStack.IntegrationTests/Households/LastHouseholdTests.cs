using System.Net;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Households;

/// <summary>The household a user switched to last is kept on the server, so signing in on another device opens it.</summary>
public sealed class LastHouseholdTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_household_switched_to_last_is_named_by_api_me_in_a_new_session(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (phone, _) = await Accounts.RegisterAsync(host, "mia@example.org", "Mia");
        var personal = await Accounts.WaitForPersonalHouseholdAsync(phone);
        var shared = await Accounts.CreateHouseholdAsync(phone, "Maple Street");
        Assert.Null((await phone.GetJsonAsync("/api/me"))["lastHouseholdId"]?.GetValue<string>());

        using (var r = await phone.PutAsync($"/api/households/{shared}/members/me/last-used", new { })) await r.ExpectAsync(HttpStatusCode.NoContent);
        // Another device: a new sign-in, no state shared with the first client.
        using var laptop = await Accounts.LoginAsync(host, "mia@example.org");
        Assert.Equal(shared.ToString(), (await laptop.GetJsonAsync("/api/me")).Str("lastHouseholdId"));
        var listed = (await laptop.GetJsonAsync("/api/households")).AsArray().Single(h => h.Str("id") == shared.ToString());
        Assert.NotNull(listed!["lastUsedAt"]?.GetValue<DateTime>());

        // Switching back on the laptop is what the phone sees next.
        await Task.Delay(20);
        using (var r = await laptop.PutAsync($"/api/households/{personal}/members/me/last-used", new { })) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(personal.ToString(), (await phone.GetJsonAsync("/api/me")).Str("lastHouseholdId"));
    }

    [Fact]
    public async Task A_viewer_may_remember_a_household_but_nobody_can_remember_one_they_do_not_belong_to()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (viewer, _) = await Accounts.RegisterAsync(host, "viewer@example.org");
        var (stranger, _) = await Accounts.RegisterAsync(host, "stranger@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Shared");
        await Accounts.JoinAsync(owner, household, viewer, "viewer@example.org", "viewer");

        using (var r = await viewer.PutAsync($"/api/households/{household}/members/me/last-used", new { })) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(household.ToString(), (await viewer.GetJsonAsync("/api/me")).Str("lastHouseholdId"));
        using (var r = await stranger.PutAsync($"/api/households/{household}/members/me/last-used", new { })) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.PutAsync($"/api/households/{Guid.NewGuid()}/members/me/last-used", new { })) await r.ExpectAsync(HttpStatusCode.NotFound);
        // The owner's own choice is not changed by the viewer's.
        Assert.Null((await owner.GetJsonAsync("/api/me"))["lastHouseholdId"]?.GetValue<string>());
    }
}
