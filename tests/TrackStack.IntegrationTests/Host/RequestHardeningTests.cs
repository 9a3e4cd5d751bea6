using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>Platform-wide request and response rules, checked against every operation the OpenAPI document lists:
/// input the framework cannot read is a 4xx problem (never a 500), API answers are not cached, and HEAD answers
/// wherever GET does.</summary>
public sealed class RequestHardeningTests
{
    [Fact]
    public async Task Every_json_operation_refuses_a_charset_other_than_utf8_with_415_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (client, userId) = await Accounts.RegisterAsync(host, "charset@example.org");
        await Accounts.WaitForPersonalHouseholdAsync(client); // so the count of households below is settled
        var household = await Accounts.CreateHouseholdAsync(client, "Charset");
        var operations = Operations(await client.GetJsonAsync("/openapi/v1.json"), op => op["requestBody"]?["content"]?["application/json"] is not null).ToList();
        Assert.True(operations.Count >= 30, $"Only {operations.Count} JSON operations in the document.");

        foreach (var (method, template) in operations)
        {
            foreach (var charset in new[] { "bogus", "utf-7", "windows-1252" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(template, household, userId))
                {
                    Content = new ByteArrayContent("{}"u8.ToArray()),
                };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
                using var r = await client.Http.SendAsync(request);
                var body = await r.Content.ReadAsStringAsync();
                Assert.True(r.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{method} {template} with charset={charset}: {(int)r.StatusCode} {body}");
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
                Assert.Contains("UTF-8", body, StringComparison.Ordinal);
            }
        }
        using (var ok = new StringContent("""{"date":"2026-11-02","amountCents":100,"title":"Shop"}""", Encoding.UTF8, "application/json"))
        using (var r = await client.Http.PostAsync($"/api/households/{household}/expenses/entries", ok))
        {
            await r.ExpectAsync(HttpStatusCode.Created); // charset=utf-8 still reads
        }
        Assert.Equal(1, (await client.GetJsonAsync($"/api/households/{household}/expenses/entries"))["total"]!.GetValue<int>());
        Assert.Equal(2, (await client.GetJsonAsync("/api/households")).AsArray().Count);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_compressed_request_body_is_refused_with_415_naming_the_accepted_coding()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (client, _) = await Accounts.RegisterAsync(host, "gzip@example.org");
        var household = await Accounts.CreateHouseholdAsync(client, "Gzip");
        using var content = new ByteArrayContent(Gzip("""{"date":"2026-11-02","amountCents":100,"title":"Shop"}"""));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var r = await client.Http.PostAsync($"/api/households/{household}/expenses/entries", content);
        await r.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("identity", string.Join(",", r.Headers.GetValues("Accept-Encoding")));
        Assert.Equal(0, (await client.GetJsonAsync($"/api/households/{household}/expenses/entries"))["total"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_nul_character_in_json_text_or_in_the_query_is_a_400_naming_the_field(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (client, _) = await Accounts.RegisterAsync(host, "nul@example.org");
        await Accounts.WaitForPersonalHouseholdAsync(client); // so the count of households below is settled
        var household = await Accounts.CreateHouseholdAsync(client, "Nul");
        var entries = $"/api/households/{household}/expenses/entries";

        var cases = new (string Path, string Json, string Field)[]
        {
            (entries, """{"date":"2026-11-02","amountCents":100,"title":"a\u0000b"}""", "title"),
            (entries, """{"date":"2026-11-02","amountCents":100,"title":"ok","tags":["x\u0000"]}""", "tags"),
            (entries, """{"date":"2026-11-02","amountCents":"100","title":"ok"}""", "amountCents"),
            ("/api/households", """{"name":"\u0000"}""", "name"),
            ($"/api/households/{household}/expenses/checklist", """{"title":"Rent\u0000","amountCents":5}""", "title"),
        };
        foreach (var (path, json, field) in cases)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var r = await client.Http.PostAsync(path, content);
            var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is not null, $"{json}: {problem.ToJsonString()}");
        }
        foreach (var query in new[] { "q=a%00", "tag=%00x", "month=2026-11%00" })
        {
            using var r = await client.GetAsync($"{entries}?{query}");
            var problem = await r.ReadJsonAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]?[query.Split('=')[0]]);
        }
        Assert.Equal(0, (await client.GetJsonAsync(entries))["total"]!.GetValue<int>());
        Assert.Equal(2, (await client.GetJsonAsync("/api/households")).AsArray().Count);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_page_beyond_what_an_offset_can_hold_is_a_400(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (client, _) = await Accounts.RegisterAsync(host, "pages@example.org");
        var household = await Accounts.CreateHouseholdAsync(client, "Pages");
        using (var r = await client.PostAsync($"/api/households/{household}/expenses/entries", new { date = "2026-11-02", amountCents = 100, title = "Shop" })) await r.ExpectAsync(HttpStatusCode.Created);
        foreach (var list in new[] { "expenses/entries", "expenses/imports", "heating/refills" })
        {
            using var r = await client.GetAsync($"/api/households/{household}/{list}?page=2147483647&pageSize=500");
            Assert.NotNull((await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]?["page"]);
        }
    }

    [Fact]
    public async Task Head_answers_every_api_read_like_get_without_content()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (client, userId) = await Accounts.RegisterAsync(host, "head@example.org");
        var household = await Accounts.CreateHouseholdAsync(client, "Head");
        using (var r = await client.PostAsync($"/api/households/{household}/expenses/entries", new { date = "2026-11-02", amountCents = 100, title = "Shop" })) await r.ExpectAsync(HttpStatusCode.Created);
        var reads = Operations(await client.GetJsonAsync("/openapi/v1.json"), _ => true).Where(o => o.Method == "GET").Select(o => Fill(o.Template, household, userId)).ToList();
        Assert.True(reads.Count >= 30, $"Only {reads.Count} GET operations in the document.");
        reads.AddRange(["/openapi/v1.json", "/health/ready", "/api/nothing-here"]);

        foreach (var path in reads)
        {
            using var get = await SendAsync(client, HttpMethod.Get, path);
            using var head = await SendAsync(client, HttpMethod.Head, path);
            Assert.True(get.StatusCode == head.StatusCode, $"{path}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(HeaderNames(get), HeaderNames(head));
            Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
            Assert.Equal(get.Headers.CacheControl?.ToString(), head.Headers.CacheControl?.ToString());
        }

        // HttpClient never reads content after HEAD, so check on the wire that none is sent, here for a download
        // whose GET has a Content-Length.
        using var token = await client.PostAsync("/api/auth/token", new { email = "head@example.org", password = Accounts.Password });
        var access = (await token.ReadJsonAsync(HttpStatusCode.OK)).Str("accessToken");
        var raw = await RawAsync(host.BaseAddress, $"HEAD /api/households/{household}/expenses/export?format=csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {access}\r\nConnection: close\r\n\r\n");
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", raw, StringComparison.Ordinal);
        Assert.Contains("Content-Length: ", raw[..split], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", raw[(split + 4)..]);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Api_and_json_answers_are_no_store_and_the_web_app_keeps_its_own_caching()
    {
        var webRoot = Directory.CreateTempSubdirectory("trackstack-webroot-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(webRoot, "index.html"), "<!doctype html><title>home</title>");
            Directory.CreateDirectory(Path.Combine(webRoot, "_astro"));
            File.WriteAllText(Path.Combine(webRoot, "_astro", "app.abc.js"), "1");
            File.WriteAllText(Path.Combine(webRoot, "data.json"), "{}");
            await using var db = await TestDatabase.CreateAsync("sqlite");
            await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["WebRoot"] = webRoot });
            using var anonymous = host.CreateClient();
            using (var r = await anonymous.GetAsync("/api/me")) AssertNoStore(r, HttpStatusCode.Unauthorized);
            using (var r = await anonymous.GetAsync("/api/nothing-here")) AssertNoStore(r, HttpStatusCode.NotFound);
            using (var r = await anonymous.GetAsync("/openapi/v1.json")) AssertNoStore(r, HttpStatusCode.OK);

            var (client, userId) = await Accounts.RegisterAsync(host, "nostore@example.org");
            var household = await Accounts.CreateHouseholdAsync(client, "No store");
            using (var r = await client.PostAsync($"/api/households/{household}/expenses/entries", new { date = "2026-11-02", amountCents = 100, title = "Shop" })) AssertNoStore(r, HttpStatusCode.Created);
            using (var r = await client.PostAsync($"/api/households/{household}/expenses/entries", new { })) AssertNoStore(r, HttpStatusCode.BadRequest);
            using (var r = await client.GetAsync($"/api/households/{household}/expenses/export?format=csv")) AssertNoStore(r, HttpStatusCode.OK);
            var reads = Operations(await client.GetJsonAsync("/openapi/v1.json"), _ => true).Where(o => o.Method == "GET").ToList();
            foreach (var (_, template) in reads)
            {
                using var r = await client.GetAsync(Fill(template, household, userId));
                Assert.True(r.Headers.CacheControl?.NoStore == true, $"GET {template} ({(int)r.StatusCode}): Cache-Control {r.Headers.CacheControl}");
            }

            using (var r = await anonymous.GetAsync("/")) Assert.Equal("no-cache", r.Headers.CacheControl?.ToString());
            using (var r = await anonymous.GetAsync("/data.json")) Assert.Equal("no-cache", r.Headers.CacheControl?.ToString());
            using (var r = await anonymous.GetAsync("/_astro/app.abc.js")) Assert.Contains("immutable", r.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(webRoot, recursive: true);
        }
    }

    private static void AssertNoStore(HttpResponseMessage r, HttpStatusCode expected)
    {
        Assert.Equal(expected, r.StatusCode);
        Assert.True(r.Headers.CacheControl?.NoStore == true, $"{r.RequestMessage?.RequestUri}: Cache-Control {r.Headers.CacheControl}");
    }

    /// <summary>(method, path template) of every operation in the document that matches.</summary>
    internal static IEnumerable<(string Method, string Template)> Operations(JsonNode doc, Func<JsonNode, bool> match) =>
        doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Value is JsonObject o && o.ContainsKey("responses") && match(o)).Select(m => (m.Key.ToUpperInvariant(), p.Key)));

    /// <summary>A concrete path for a template: the caller's household and user, a month, and fresh ids elsewhere.</summary>
    internal static string Fill(string template, Guid household, Guid user) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{([^}]+)}", m => m.Groups[1].Value switch
        {
            "householdId" => household.ToString(),
            "userId" => user.ToString(),
            "month" => "2026-11",
            "provider" => "github",
            "token" => "not-a-token",
            _ => Guid.NewGuid().ToString(),
        });

    private static async Task<HttpResponseMessage> SendAsync(ApiClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Correlation-Id", "same-for-both");
        return await client.Http.SendAsync(request);
    }

    /// <summary>Header names a GET and a HEAD must share (Date and the framing of the content differ).</summary>
    private static List<string> HeaderNames(HttpResponseMessage r) =>
        r.Headers.Select(h => h.Key).Concat(r.Content.Headers.Select(h => h.Key))
            .Where(n => n is not ("Date" or "Content-Length" or "Transfer-Encoding"))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();

    private static async Task<string> RawAsync(Uri baseAddress, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }
}
