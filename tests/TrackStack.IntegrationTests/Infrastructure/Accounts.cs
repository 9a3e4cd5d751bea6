using System.Net;
using System.Text.Json.Nodes;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>Common steps: sign up, sign in, wait for the personal household the events create.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery staple";

    public static async Task<(ApiClient Client, Guid UserId)> RegisterAsync(TestHost host, string email, string name = "Tester")
    {
        var client = host.CreateClient();
        using var response = await client.PostAsync("/api/auth/register", new { email, password = Password, displayName = name });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return (client, Guid.Parse(body["user"]!["id"]!.GetValue<string>()));
    }

    public static async Task<ApiClient> LoginAsync(TestHost host, string email, string password = Password)
    {
        var client = host.CreateClient();
        using var response = await client.PostAsync("/api/auth/login", new { email, password });
        await response.ReadJsonAsync(HttpStatusCode.OK);
        return client;
    }

    /// <summary>The personal household is created from the UserRegistered event: poll /api/me for it.</summary>
    public static async Task<Guid> WaitForPersonalHouseholdAsync(ApiClient client, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var me = await client.GetJsonAsync("/api/me");
            var personal = me["households"]!.AsArray().FirstOrDefault(h => h!["isPersonal"]!.GetValue<bool>());
            if (personal is not null) return Guid.Parse(personal["id"]!.GetValue<string>());
            if (DateTime.UtcNow > until) throw new TimeoutException("The personal household did not appear.");
            await Task.Delay(50);
        }
    }

    /// <summary>A new household; with a time zone ("UTC") the tests' "today" is the household's.</summary>
    public static async Task<Guid> CreateHouseholdAsync(ApiClient client, string name, string? timeZone = null)
    {
        using var response = timeZone is null
            ? await client.PostAsync("/api/households", new { name })
            : await client.PostAsync("/api/households", new { name, timeZone });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return Guid.Parse(body["id"]!.GetValue<string>());
    }

    /// <summary>Invites <paramref name="invitee"/> to the household with a role and accepts as them.</summary>
    public static async Task JoinAsync(ApiClient owner, Guid householdId, ApiClient invitee, string inviteeEmail, string role)
    {
        using var invite = await owner.PostAsync($"/api/households/{householdId}/invites", new { email = inviteeEmail, role });
        var token = (await invite.ReadJsonAsync(HttpStatusCode.Created))["token"]!.GetValue<string>();
        using var accept = await invitee.PostAsync($"/api/invites/{token}/accept");
        await accept.ReadJsonAsync(HttpStatusCode.OK);
    }

    public static string Str(this JsonNode? node, string name) => node![name]!.GetValue<string>();
}
