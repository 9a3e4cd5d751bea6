using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using TrackStack.BuildingBlocks.Auth;

namespace TrackStack.BuildingBlocks.Households;

/// <summary>For a module running as its own service: asks the Households service about the caller's
/// membership, forwarding the caller's own access token. Answers are cached for two seconds, so a removed
/// member loses access within that time; any other failure fails closed (the request errors).</summary>
internal sealed class HttpHouseholdMembershipQuery(HttpClient http, IHttpContextAccessor accessor, IMemoryCache cache) : IHouseholdMembershipQuery
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public async Task<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct)
    {
        var key = ("household-role", householdId, userId);
        if (cache.TryGetValue(key, out HouseholdRole? cached)) return cached;
        using var request = Authorized(HttpMethod.Get, $"api/households/{householdId}/members/me");
        using var response = await http.SendAsync(request, ct);
        HouseholdRole? role = response.StatusCode switch
        {
            HttpStatusCode.OK => (await response.Content.ReadFromJsonAsync<MyMembership>(Json, ct))!.Role,
            HttpStatusCode.NotFound or HttpStatusCode.Forbidden => null,
            _ => throw new HttpRequestException($"The Households service answered {(int)response.StatusCode} to a membership check."),
        };
        cache.Set(key, role, CacheFor);
        return role;
    }

    public async Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Get, "api/households");
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var rows = await response.Content.ReadFromJsonAsync<List<HouseholdRow>>(Json, ct) ?? [];
        return rows.Select(r => new HouseholdMembershipSummary(r.Id, r.Name, r.MyRole, r.IsPersonal)).ToList();
    }

    public async Task<HouseholdSettings?> GetSettingsAsync(Guid householdId, CancellationToken ct)
    {
        var key = ("household-settings", householdId);
        if (cache.TryGetValue(key, out HouseholdSettings? cached)) return cached;
        using var request = Authorized(HttpMethod.Get, $"api/households/{householdId}");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var row = (await response.Content.ReadFromJsonAsync<SettingsRow>(Json, ct))!;
        var settings = new HouseholdSettings(row.Id, row.Name, row.TimeZone, row.Currency, row.Locale);
        cache.Set(key, settings, TimeSpan.FromSeconds(30));
        return settings;
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("A membership check needs the caller's request.");
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : context.Request.Cookies[AuthConstants.AccessCookie];
        var request = new HttpRequestMessage(method, path);
        if (!string.IsNullOrEmpty(token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (context.Request.Headers.TryGetValue("X-Correlation-Id", out var correlation)) request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlation.ToString());
        return request;
    }

    private sealed record MyMembership(HouseholdRole Role);

    private sealed record SettingsRow(Guid Id, string Name, string TimeZone, string Currency, string Locale);

    private sealed record HouseholdRow(Guid Id, string Name, HouseholdRole MyRole, bool IsPersonal);
}
