using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrackStack.Benchmarks;

/// <summary>The few API calls of the fault drill, with bearer tokens, against the gateway.</summary>
internal sealed class DrillApi(HttpClient http)
{
    public const string Password = "drill passphrase long enough";

    public async Task<string> SignUpAsync(string email, string name)
    {
        using (var r = await http.PostAsJsonAsync("api/auth/register", new { email, password = Password, displayName = name }))
        {
            if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"sign-up of {email} answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        }
        return await TokenAsync(email) ?? throw new InvalidOperationException($"{email} could not sign in");
    }

    public async Task<string?> TokenAsync(string email)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                using var r = await http.PostAsJsonAsync("api/auth/token", new { email, password = Password });
                if (r.IsSuccessStatusCode) return JsonNode.Parse(await r.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
                if (r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized) return null;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        return null;
    }

    /// <summary>The new account's personal household, once Households has created it from UserRegistered.</summary>
    public async Task<Guid> PersonalHouseholdAsync(string token, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            var list = await GetJsonAsync(token, "api/households");
            if (list.AsArray().Count > 0) return Guid.Parse(list[0]!["id"]!.GetValue<string>());
            if (DateTime.UtcNow > until) throw new InvalidOperationException("no personal household appeared");
            await Task.Delay(250);
        }
    }

    public async Task<int> HouseholdCountAsync(string token, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var count = (await GetJsonAsync(token, "api/households")).AsArray().Count;
                if (count > 0 || DateTime.UtcNow > until) return count;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until) { }
            await Task.Delay(250);
        }
    }

    public async Task<Guid> CategoryAsync(string token, Guid home, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var list = (await GetJsonAsync(token, $"api/households/{home}/expenses/categories")).AsArray();
                if (list.Count > 0) return Guid.Parse(list[0]!["id"]!.GetValue<string>());
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until) { }
            if (DateTime.UtcNow > until) throw new InvalidOperationException("the household has no expense category");
            await Task.Delay(250);
        }
    }

    /// <summary>Every entry of the month: id → amount in cents.</summary>
    public async Task<Dictionary<Guid, long>> EntriesAsync(string token, Guid home, string month)
    {
        var ids = new Dictionary<Guid, long>();
        for (var page = 1; ; page++)
        {
            var answer = await GetJsonAsync(token, $"api/households/{home}/expenses/entries?month={month}&pageSize=500&page={page}");
            var items = answer["items"]!.AsArray();
            foreach (var item in items) ids[Guid.Parse(item!["id"]!.GetValue<string>())] = item!["amountCents"]!.GetValue<long>();
            if (items.Count < 500) return ids;
        }
    }

    /// <summary>The sum of the expenses.spent series over the month, in currency units.</summary>
    public async Task<double> SpentAsync(string token, Guid home, string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var q = $"metric=expenses.spent&from={first:yyyy-MM-dd}&to={first.AddMonths(1):yyyy-MM-dd}&bucket=month";
        var answer = await GetJsonAsync(token, $"api/households/{home}/metrics/query?{q}");
        return answer["series"]!.AsArray().SelectMany(s => s!["points"]!.AsArray()).Sum(p => p!["value"]!.GetValue<double>());
    }

    /// <summary>"201", another status code, or the kind of failure (connection refused, timeout).</summary>
    public async Task<string> TryPostAsync(string? token, string path, object body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var r = await http.SendAsync(request);
            return ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e) { return e.HttpRequestError.ToString(); }
        catch (TaskCanceledException) { return "timeout"; }
    }

    public async Task<JsonNode> PostJsonAsync(string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var r = await http.SendAsync(request);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path} answered {(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public async Task<JsonNode> GetJsonAsync(string token, string path)
    {
        using var r = await SendAsync(token, HttpMethod.Get, path);
        var text = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new HttpRequestException($"GET {path} answered {(int)r.StatusCode}: {text}", null, r.StatusCode);
        return JsonNode.Parse(text)!;
    }

    public async Task<HttpStatusCode?> StatusAsync(string token, string path)
    {
        try
        {
            using var r = await SendAsync(token, HttpMethod.Get, path);
            return r.StatusCode;
        }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) { return null; }
    }

    public Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
