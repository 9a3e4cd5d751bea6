using System.Net;
using System.Net.Http.Headers;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>The host serves a built web app next to the API: pages, directory indexes, cache headers, the 404
/// page and the strict CSP, all through the real pipeline.</summary>
public sealed class WebAppHostingTests : IAsyncLifetime
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("trackstack-webroot-").FullName;
    private TestDatabase? _db;
    private TestHost? _host;

    public async ValueTask InitializeAsync()
    {
        Write("index.html", "<!doctype html><title>home</title><script type=\"module\" src=\"/_astro/page.abc123.js\"></script>");
        Write("sign-in/index.html", "<!doctype html><title>sign in</title>");
        Write("404.html", "<!doctype html><title>not found page</title>");
        Write("_astro/page.abc123.js", "console.log('hi')");
        Write("sw.js", "self.addEventListener('install', () => {})");
        Write("manifest.webmanifest", "{\"name\":\"TrackStack\"}");
        _db = await TestDatabase.CreateAsync("sqlite");
        _host = await TestHost.StartAsync(_db, new Dictionary<string, string?> { ["WebRoot"] = _webRoot });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    private void Write(string path, string content)
    {
        var full = Path.Combine(_webRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept = "text/html")
    {
        using var client = _host!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_index_is_served_at_the_root_with_no_cache_and_the_strict_csp()
    {
        using var r = await GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>home</title>", await r.Content.ReadAsStringAsync());
        Assert.True(r.Headers.CacheControl!.NoCache);
        var csp = string.Join(" ", r.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/sign-in/")]
    [InlineData("/sign-in/index.html")]
    public async Task A_directory_answers_with_its_index(string path)
    {
        using var r = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("<title>sign in</title>", await r.Content.ReadAsStringAsync());
        Assert.True(r.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_the_service_worker_and_manifest_are_revalidated()
    {
        using (var r = await GetAsync("/_astro/page.abc123.js", "*/*"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("text/javascript", r.Content.Headers.ContentType!.MediaType);
            Assert.Equal(TimeSpan.FromDays(365), r.Headers.CacheControl!.MaxAge);
            Assert.Contains("immutable", r.Headers.CacheControl.ToString());
        }
        using (var r = await GetAsync("/sw.js", "*/*"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.True(r.Headers.CacheControl!.NoCache);
            Assert.Null(r.Headers.CacheControl.MaxAge);
        }
        using (var r = await GetAsync("/manifest.webmanifest", "*/*"))
        {
            Assert.Equal("application/manifest+json", r.Content.Headers.ContentType!.MediaType);
            Assert.True(r.Headers.CacheControl!.NoCache);
        }
    }

    [Fact]
    public async Task An_unknown_page_gets_the_404_page_while_unknown_api_routes_and_assets_keep_problem_details()
    {
        using (var r = await GetAsync("/no/such/page"))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("text/html", r.Content.Headers.ContentType!.MediaType);
            Assert.Contains("not found page", await r.Content.ReadAsStringAsync());
            Assert.True(r.Headers.Contains("Content-Security-Policy"));
        }
        using (var r = await GetAsync("/api/no-such-route", "application/json"))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        }
        using (var r = await GetAsync("/_astro/missing.123.js", "*/*"))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.DoesNotContain("not found page", await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_api_still_answers_next_to_the_web_app()
    {
        using var r = await GetAsync("/api/auth/providers", "application/json");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType!.MediaType);
        using var health = await GetAsync("/health/live", "*/*");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Without_a_web_root_the_host_serves_the_api_only()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        using var client = host.CreateClient();
        using var r = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
    }
}
