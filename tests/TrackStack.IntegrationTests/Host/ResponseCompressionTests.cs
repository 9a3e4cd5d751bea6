using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>Bytes on the wire: the web app's files go out as the Brotli or gzip copy the build wrote, the API's JSON is
/// compressed per response, and nothing that sets a session cookie is compressed (BREACH).</summary>
public sealed class ResponseCompressionTests : IAsyncLifetime
{
    private static readonly string Script = string.Concat(Enumerable.Repeat("export const greeting = 'hello from the shell';\n", 200));
    private readonly string _webRoot = Directory.CreateTempSubdirectory("trackstack-webroot-").FullName;
    private TestDatabase? _db;
    private TestHost? _host;

    public async ValueTask InitializeAsync()
    {
        Write("index.html", Encoding.UTF8.GetBytes("<!doctype html><title>home</title>"));
        Write("_astro/page.abc123.js", Encoding.UTF8.GetBytes(Script));
        Write("_astro/page.abc123.js.br", Compress(Script, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        Write("_astro/page.abc123.js.gz", Compress(Script, s => new GZipStream(s, CompressionLevel.SmallestSize)));
        _db = await TestDatabase.CreateAsync("sqlite");
        _host = await TestHost.StartAsync(_db, new Dictionary<string, string?> { ["WebRoot"] = _webRoot });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    private void Write(string path, byte[] content)
    {
        var full = Path.Combine(_webRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    private static byte[] Compress(string text, Func<Stream, Stream> wrap)
    {
        using var buffer = new MemoryStream();
        using (var z = wrap(buffer)) z.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage r)
    {
        var raw = await r.Content.ReadAsStreamAsync();
        Stream body = r.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        };
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }

    private static HttpRequestMessage Get(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData(null, null)]
    public async Task A_script_goes_out_as_the_precompressed_copy_the_browser_accepts(string? acceptEncoding, string? expected)
    {
        using var client = _host!.CreateClient();
        using var r = await client.Http.SendAsync(Get("/_astro/page.abc123.js", acceptEncoding));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(expected, r.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal("text/javascript", r.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept-Encoding", r.Headers.Vary);
        Assert.Contains("immutable", r.Headers.CacheControl!.ToString());
        var wire = (await r.Content.ReadAsByteArrayAsync()).Length;
        if (expected is not null) Assert.True(wire < Script.Length / 10, $"{wire} bytes on the wire for {Script.Length}");
        using var again = await client.Http.SendAsync(Get("/_astro/page.abc123.js", acceptEncoding));
        Assert.Equal(Script, await DecodeAsync(again));
    }

    [Fact]
    public async Task The_compressed_copies_are_not_files_of_their_own()
    {
        using var client = _host!.CreateClient();
        using var r = await client.Http.SendAsync(Get("/_astro/page.abc123.js.br", "br"));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public async Task Api_json_is_compressed_but_answers_that_set_session_cookies_are_not()
    {
        using var client = _host!.CreateClient();
        using (var r = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = new StringContent("""{"email":"zip@example.org","password":"correct horse battery staple","displayName":"Zip"}""", Encoding.UTF8, "application/json"),
            Headers = { { "Accept-Encoding", "br, gzip" } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            Assert.True(r.Headers.Contains("Set-Cookie"));
            Assert.Empty(r.Content.Headers.ContentEncoding);
        }
        await Accounts.WaitForPersonalHouseholdAsync(client);
        using (var r = await client.Http.SendAsync(Get("/api/me", "br, gzip")))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("br", r.Content.Headers.ContentEncoding.Single());
            Assert.Equal("application/json", r.Content.Headers.ContentType!.MediaType);
            Assert.Contains("zip@example.org", await DecodeAsync(r));
        }
        using (var r = await client.Http.SendAsync(Get($"/api/households/{Guid.NewGuid()}", "gzip")))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("gzip", r.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Contains("Household", await DecodeAsync(r));
        }
    }
}
