using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.IntegrationTests.Probe;

namespace TrackStack.IntegrationTests.Households;

/// <summary>The distributed topology in miniature: one process runs Identity and Households, another runs
/// only a household module and asks the first over HTTP who may do what.</summary>
public sealed class SplitServiceAccessTests
{
    [Fact]
    public async Task A_module_in_another_service_checks_membership_remotely_and_drops_a_removed_member_within_seconds()
    {
        await using var split = await SplitHosts.StartAsync();
        var (core, probe) = (split.Core, split.Probe);

        var (owner, _) = await Accounts.RegisterAsync(core, "owner@example.org");
        var (member, memberId) = await Accounts.RegisterAsync(core, "member@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Split");
        await Accounts.JoinAsync(owner, household, member, "member@example.org", "member");
        using var memberAtProbe = await BearerClientAsync(core, probe, "member@example.org");
        using var strangerAtProbe = await BearerClientAsync(core, probe, "owner@example.org");

        using (var r = await memberAtProbe.PostAsJsonAsync($"/api/households/{household}/probe/items", new { name = "lamp" })) await r.ExpectAsync(HttpStatusCode.Created);
        using (var r = await memberAtProbe.GetAsync($"/api/households/{household}/probe/items")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await strangerAtProbe.GetAsync($"/api/households/{Guid.NewGuid()}/probe/items")) await r.ExpectAsync(HttpStatusCode.NotFound);

        using (var r = await owner.DeleteAsync($"/api/households/{household}/members/{memberId}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        var removed = DateTime.UtcNow;
        HttpStatusCode status;
        do
        {
            using var r = await memberAtProbe.GetAsync($"/api/households/{household}/probe/items");
            status = r.StatusCode;
            if (status == HttpStatusCode.OK) await Task.Delay(100);
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow - removed < TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(DateTime.UtcNow - removed < TimeSpan.FromSeconds(5), $"Access lasted {(DateTime.UtcNow - removed).TotalSeconds:F1} s after removal.");
    }

    /// <summary>The Households client of another service answers for the user it is asked about (an entry's payer,
    /// not the caller), and reads the household context from the real Households endpoints.</summary>
    [Fact]
    public async Task The_households_client_answers_for_the_user_it_is_asked_about_and_reads_the_real_endpoints()
    {
        await using var split = await SplitHosts.StartAsync();
        var (core, probe) = (split.Core, split.Probe);

        var (owner, ownerId) = await Accounts.RegisterAsync(core, "owner@example.org");
        var (viewer, viewerId) = await Accounts.RegisterAsync(core, "viewer@example.org");
        var (_, strangerId) = await Accounts.RegisterAsync(core, "stranger@example.org");
        var household = await Accounts.CreateHouseholdAsync(owner, "Split");
        using (var r = await owner.PutAsync($"/api/households/{household}", new { name = "Split", timeZone = "Europe/Zurich", currency = "CHF", locale = "de-CH" })) await r.ExpectAsync(HttpStatusCode.OK);
        await Accounts.JoinAsync(owner, household, viewer, "viewer@example.org", "viewer");
        using var viewerAtProbe = await BearerClientAsync(core, probe, "viewer@example.org");

        Assert.Equal("\"Owner\"", await viewerAtProbe.GetStringAsync($"/api/households/{household}/probe/roles/{ownerId}"));
        Assert.Equal("\"Viewer\"", await viewerAtProbe.GetStringAsync($"/api/households/{household}/probe/roles/{viewerId}"));
        using (var r = await viewerAtProbe.GetAsync($"/api/households/{household}/probe/roles/{strangerId}")) await r.ExpectAsync(HttpStatusCode.NotFound);

        var context = (await (await viewerAtProbe.GetAsync($"/api/households/{household}/probe/context")).ReadJsonAsync(HttpStatusCode.OK));
        Assert.Equal((household.ToString(), "Split", "Europe/Zurich", "CHF", "de-CH"),
            (context.Str("householdId"), context.Str("name"), context.Str("timeZone"), context.Str("currency"), context.Str("locale")));
    }

    private static async Task<HttpClient> BearerClientAsync(TestHost identity, TestHost target, string email)
    {
        using var login = new HttpClient { BaseAddress = identity.BaseAddress };
        using var response = await login.PostAsJsonAsync("/api/auth/token", new { email, password = Accounts.Password });
        var token = (await response.ReadJsonAsync(HttpStatusCode.OK)).Str("accessToken");
        var client = new HttpClient { BaseAddress = target.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
