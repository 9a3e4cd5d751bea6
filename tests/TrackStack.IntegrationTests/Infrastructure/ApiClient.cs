using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TrackStack.IntegrationTests.Infrastructure;

/// <summary>A browser-like client: keeps cookies and, like the web app, echoes the XSRF-TOKEN cookie in the
/// X-XSRF-TOKEN header on writes (turn <see cref="SendXsrf"/> off to play an attacker).</summary>
public sealed class ApiClient : IDisposable
{
    private readonly XsrfHandler _xsrf;

    public ApiClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _xsrf = new XsrfHandler(Cookies, baseAddress) { InnerHandler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false } };
        Http = new HttpClient(_xsrf) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    public bool SendXsrf { get => _xsrf.Enabled; set => _xsrf.Enabled = value; }

    public string? Cookie(string name, string path = "/") =>
        Cookies.GetCookies(new Uri(Http.BaseAddress!, path)).FirstOrDefault(c => c.Name == name)?.Value;

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => Http.PostAsJsonAsync(path, body ?? new { });

    public Task<HttpResponseMessage> PutAsync(string path, object body) => Http.PutAsJsonAsync(path, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(path);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    public void Dispose() => Http.Dispose();

    private sealed class XsrfHandler(CookieContainer cookies, Uri baseAddress) : DelegatingHandler
    {
        public bool Enabled { get; set; } = true;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Enabled && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            {
                var token = cookies.GetCookies(baseAddress).FirstOrDefault(c => c.Name == "XSRF-TOKEN")?.Value;
                if (token is not null) request.Headers.TryAddWithoutValidation("X-XSRF-TOKEN", token);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public static class HttpResponseExtensions
{
    /// <summary>Asserts the status (showing the body when it differs) and parses the JSON body.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
    }
}
