using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using TrackStack.BuildingBlocks.Auth;

namespace TrackStack.Households.Contracts;

/// <summary>For a module running as its own service: asks the Households service about memberships and household
/// context, forwarding the caller's own access token. Answers are cached briefly, so a removed member loses
/// access within <see cref="RoleCacheFor"/>; any other failure fails closed (the request errors).</summary>
internal sealed class HouseholdsClient(HttpClient http, IHttpContextAccessor accessor, IMemoryCache cache) : IHouseholdMembershipQuery
{
    public static readonly TimeSpan RoleCacheFor = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ContextCacheFor = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The role of <paramref name="userId"/> (the caller or anyone else, e.g. an entry's payer), read from
    /// GET members/{userId}: any member may see the household's members.</summary>
    public async ValueTask<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct)
    {
        var key = ("household-role", householdId, userId);
        if (cache.TryGetValue(key, out HouseholdRole? cached)) return cached;
        using var request = Authorized(HttpMethod.Get, $"api/households/{householdId}/members/{userId}");
        using var response = await http.SendAsync(request, ct);
        HouseholdRole? role = response.StatusCode switch
        {
            HttpStatusCode.OK => (await response.Content.ReadFromJsonAsync<MemberResponse>(Json, ct))!.Role,
            HttpStatusCode.NotFound or HttpStatusCode.Forbidden => null,
            HttpStatusCode.Unauthorized => throw new SessionEndedException("The Households service no longer accepts your session. Sign in again."),
            _ => throw new HttpRequestException($"The Households service answered {(int)response.StatusCode} to a membership check."),
        };
        cache.Set(key, role, RoleCacheFor);
        return role;
    }

    /// <summary>The caller's households (the Households service answers for the signed-in user; <paramref name="userId"/>
    /// is the caller's id in every use of this port).</summary>
    public async Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Get, "api/households");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionEndedException("The Households service no longer accepts your session. Sign in again.");
        response.EnsureSuccessStatusCode();
        var rows = await response.Content.ReadFromJsonAsync<List<HouseholdResponse>>(Json, ct) ?? [];
        return rows.Select(r => new HouseholdMembershipSummary(r.Id, r.Name, r.MyRole, r.IsPersonal, r.LastUsedAt)).ToList();
    }

    public async ValueTask<HouseholdContext?> GetContextAsync(Guid householdId, CancellationToken ct)
    {
        var key = ("household-context", householdId);
        if (cache.TryGetValue(key, out HouseholdContext? cached)) return cached;
        using var request = Authorized(HttpMethod.Get, $"api/households/{householdId}");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionEndedException("The Households service no longer accepts your session. Sign in again.");
        response.EnsureSuccessStatusCode();
        var row = (await response.Content.ReadFromJsonAsync<HouseholdResponse>(Json, ct))!;
        var context = new HouseholdContext(row.Id, row.Name, row.TimeZone, row.Currency, row.Locale);
        cache.Set(key, context, ContextCacheFor);
        return context;
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
}
