using System.Net;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Households;

/// <summary>An invite stands only while its creator could still send it.</summary>
public sealed class InviteWithdrawalTests
{
    [Fact]
    public async Task A_removed_admin_cannot_come_back_with_an_invite_they_minted()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (admin, adminId) = await Accounts.RegisterAsync(host, "admin@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Home");
        await Accounts.JoinAsync(owner, household, admin, "admin@example.org", "admin");
        var token = await InviteAsync(admin, household, "alt@example.org", "admin");

        using (var r = await owner.DeleteAsync($"/api/households/{household}/members/{adminId}")) await r.ExpectAsync(HttpStatusCode.NoContent);

        using (var r = await admin.GetAsync($"/api/invites/{token}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await admin.PostAsync($"/api/invites/{token}/accept")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await admin.GetAsync($"/api/households/{household}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty((await owner.GetJsonAsync($"/api/households/{household}/invites")).AsArray());
    }

    [Fact]
    public async Task Lowering_a_role_withdraws_the_invites_the_new_role_could_not_send()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var (second, secondId) = await Accounts.RegisterAsync(host, "second@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Home");
        await Accounts.JoinAsync(owner, household, second, "second@example.org", "owner");
        var ownerInvite = await InviteAsync(second, household, "co-owner@example.org", "owner");
        var memberInvite = await InviteAsync(second, household, "friend@example.org", "member");

        // An admin may still invite members, not owners.
        using (var r = await owner.PutAsync($"/api/households/{household}/members/{secondId}", new { role = "admin" })) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.GetAsync($"/api/invites/{ownerInvite}")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await owner.GetAsync($"/api/invites/{memberInvite}")) await r.ExpectAsync(HttpStatusCode.OK);

        // A member may invite no one.
        using (var r = await owner.PutAsync($"/api/households/{household}/members/{secondId}", new { role = "member" })) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await owner.GetAsync($"/api/invites/{memberInvite}")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> InviteAsync(ApiClient from, Guid household, string email, string role)
    {
        using var r = await from.PostAsync($"/api/households/{household}/invites", new { email, role });
        return (await r.ReadJsonAsync(HttpStatusCode.Created)).Str("token");
    }
}
