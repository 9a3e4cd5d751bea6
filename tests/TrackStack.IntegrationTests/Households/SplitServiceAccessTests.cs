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
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        await using var coreDb = await TestDatabase.CreateAsync("sqlite");
        await using var core = await TestHost.StartAsync(coreDb, new Dictionary<string, string?> { ["Auth:SigningKey"] = key });
        await using var probeDb = await TestDatabase.CreateAsync("sqlite");
        await using var probe = await TestHost.StartAsync(probeDb, new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = key,
            ["Services:HouseholdsUrl"] = core.BaseAddress.ToString(),
            ["Services:IdentityUrl"] = core.BaseAddress.ToString(),
        }, [ProbeModule.Definition]);

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
