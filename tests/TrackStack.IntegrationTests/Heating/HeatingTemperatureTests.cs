using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrackStack.IntegrationTests.Infrastructure;
using static TrackStack.IntegrationTests.Heating.HeatingTests;

namespace TrackStack.IntegrationTests.Heating;

public sealed class HeatingTemperatureTests
{
    internal static MultipartFormDataContent Upload(byte[] file, string name, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", name);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return form;
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Daily_means_are_upserted_in_batches_and_validated(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        using (var r = await owner.PutAsync($"{api}/temperatures", new[] { new { date = Today(-3), meanC = 4.5 }, new { date = Today(-2), meanC = 5.0 } }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((2, 0), (body["inserted"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
        }
        using (var r = await owner.PutAsync($"{api}/temperatures", new[] { new { date = Today(-2), meanC = 6.0 }, new { date = Today(-1), meanC = -7.25 } }))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((1, 1), (body["inserted"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
        }
        var list = (await owner.GetJsonAsync($"{api}/temperatures?from={Today(-3)}&to={Today(-1)}")).AsArray();
        Assert.Equal([4.5, 6.0, -7.25], list.Select(t => t!["meanC"]!.GetValue<double>()));
        Assert.All(list, t => Assert.Equal("manual", t.Str("source")));

        using (var r = await owner.PutAsync($"{api}/temperatures", new object[]
        {
            new { date = Today(-1), meanC = 61.0 }, new { date = Today(-1), meanC = 0.0 }, new { meanC = 1.0 }, new { date = Today(5), meanC = 1.0 },
        }))
        {
            var errors = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("[0].meanC"));
            Assert.Contains("already in row 0", errors["[1].date"]![0]!.GetValue<string>());
            Assert.True(errors.ContainsKey("[2].date"));
            Assert.Contains("future", errors["[3].date"]![0]!.GetValue<string>());
        }
        Assert.Equal(-7.25, (await owner.GetJsonAsync($"{api}/temperatures?from={Today(-1)}&to={Today(-1)}"))[0]!["meanC"]!.GetValue<double>());

        var tooMany = Enumerable.Range(1, 5001).Select(i => new { date = Today(-i), meanC = 1.0 }).ToArray();
        using (var r = await owner.PutAsync($"{api}/temperatures", tooMany))
        {
            Assert.Contains("5000", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["body"]![0]!.GetValue<string>());
        }
        // The largest batch goes through in one request (and one transaction).
        using (var r = await owner.PutAsync($"{api}/temperatures", tooMany[..5000]))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((4997, 3), (body["inserted"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
        }
        // Default window: the 365 days up to today (today itself has no mean yet).
        Assert.Equal(364, (await owner.GetJsonAsync($"{api}/temperatures")).AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_Seattle_csv_imports_after_a_dry_run(string provider)
    {
        var seattle = Fixtures.Bytes("weather/seattle-weather.csv");
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        const string all = "from=2012-01-01&to=2015-12-31";

        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Upload(seattle, "seattle-weather.csv", ("dryRun", "true"))))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.True(body["dryRun"]!.GetValue<bool>());
            Assert.Equal((",", true, "date", "temp_min", "temp_max"), (body.Str("delimiter"), body["hasHeader"]!.GetValue<bool>(), body.Str("dateColumn"), body.Str("minColumn"), body.Str("maxColumn")));
            Assert.Null(body["meanColumn"]);
            Assert.Equal((1461, 1461, 1461, 0), (body["lines"]!.GetValue<int>(), body["valid"]!.GetValue<int>(), body["inserted"]!.GetValue<int>(), body["errorCount"]!.GetValue<int>()));
            Assert.Equal(("2012-01-01", "2015-12-31"), (body.Str("from"), body.Str("to")));
        }
        Assert.Empty((await owner.GetJsonAsync($"{api}/temperatures?{all}")).AsArray());

        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Upload(seattle, "seattle-weather.csv")))
        {
            Assert.Equal(1461, (await r.ReadJsonAsync(HttpStatusCode.OK))["inserted"]!.GetValue<int>());
        }
        var stored = (await owner.GetJsonAsync($"{api}/temperatures?{all}")).AsArray();
        Assert.Equal(1461, stored.Count);
        Assert.Equal([8.9, 6.7], stored.Take(2).Select(t => t!["meanC"]!.GetValue<double>())); // (12.8+5.0)/2, (10.6+2.8)/2
        Assert.Equal("import", stored[0].Str("source"));
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import?dryRun=false", Upload(seattle, "seattle-weather.csv")))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((0, 1461), (body["inserted"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
        }

        var mixed = Encoding.UTF8.GetBytes("date;mean\n2024-01-01;3,5\nyesterday;4\n2024-01-02;-80\n");
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Upload(mixed, "mixed.csv")))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((1, 2), (body["inserted"]!.GetValue<int>(), body["errorCount"]!.GetValue<int>()));
            Assert.Equal([3, 4], body["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<int>()));
            Assert.Contains("not a date", body["errors"]![0]!.Str("message"));
        }
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Upload(Encoding.UTF8.GetBytes("date,wind\n2024-01-01,3\n"), "wind.csv")))
        {
            Assert.Contains("Need a mean column", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["file"]![0]!.GetValue<string>());
        }
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Upload(Encoding.UTF8.GetBytes("date,mean\nnope,3\n"), "bad.csv")))
        {
            var messages = (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["file"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
            Assert.Contains("No valid rows in the file.", messages);
            Assert.Contains(messages, m => m.StartsWith("line 2:", StringComparison.Ordinal));
        }
        using (var r = await owner.PostAsync($"{api}/temperatures/import", new { file = "not multipart" })) await r.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", new MultipartFormDataContent { { new StringContent("x"), "other" } }))
        {
            Assert.Contains("'file'", (await r.ReadJsonAsync(HttpStatusCode.BadRequest))["errors"]!["file"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_truncated_compressed_or_oversized_temperature_upload_is_a_4xx_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));
        var day = Today(-1);
        var part = $"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\nContent-Type: text/csv\r\n\r\ndate,mean\n{day},3.5\n";
        var whole = Encoding.ASCII.GetBytes(part + "\r\n--XyZ--\r\n");

        async Task<HttpStatusCode> PostRaw(byte[] body, string contentType, string? encoding = null)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (encoding is not null) content.Headers.ContentEncoding.Add(encoding);
            using var r = await owner.Http.PostAsync($"{api}/temperatures/import", content);
            if (r.StatusCode == HttpStatusCode.BadRequest) Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            return r.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostRaw(Encoding.ASCII.GetBytes(part), "multipart/form-data; boundary=XyZ"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostRaw(Encoding.ASCII.GetBytes(part[..60]), "multipart/form-data; boundary=XyZ"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostRaw(Gzip(whole), "multipart/form-data; boundary=XyZ", "gzip"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostRaw(Gzip(whole), "multipart/form-data; boundary=XyZ"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostRaw(whole, "multipart/form-data"));
        var big = new byte[8 * 1024 * 1024 + 1];
        Array.Fill(big, (byte)'a');
        using (var r = await owner.Http.PostAsync($"{api}/temperatures/import", Upload(big, "big.csv")))
        {
            Assert.Contains("8 MB", (await r.ReadJsonAsync(HttpStatusCode.RequestEntityTooLarge))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Empty((await owner.GetJsonAsync($"{api}/temperatures?from={day}&to={day}")).AsArray());

        Assert.Equal(HttpStatusCode.OK, await PostRaw(whole, "multipart/form-data; boundary=XyZ"));
        Assert.Equal(3.5, (await owner.GetJsonAsync($"{api}/temperatures?from={day}&to={day}"))[0]!["meanC"]!.GetValue<double>());
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public async Task Temperatures_are_fetched_from_a_fake_open_meteo_for_the_home_coordinates()
    {
        await using var weather = await FakeOpenMeteo.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Heating:OpenMeteoUrl"] = weather.ArchiveUrl.ToString() });
        var (owner, _) = await Accounts.RegisterAsync(host, "owner@example.org");
        var api = Api(await HomeAsync(owner, "Home"));

        using (var r = await owner.PostAsync($"{api}/temperatures/fetch")) await r.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Empty(weather.Requests);

        using (var r = await owner.PutAsync($"{api}/settings", new { fuel = "woodPellets", latitude = 50.85, longitude = 4.35, weatherEnabled = true }))
        {
            await r.ExpectAsync(HttpStatusCode.OK);
        }
        using (var r = await owner.PostAsync($"{api}/temperatures/fetch?from={Today(-10)}&to={Today(-1)}"))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((10, 9, 1, 9, 0), (body["days"]!.GetValue<int>(), body["received"]!.GetValue<int>(), body["missing"]!.GetValue<int>(),
                body["inserted"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
            Assert.Equal("open-meteo", body.Str("source"));
        }
        Assert.True(weather.Requests.TryDequeue(out var query));
        Assert.Equal(("50.85", "4.35", Today(-10), Today(-1), "temperature_2m_mean", "UTC"),
            (query["latitude"].ToString(), query["longitude"].ToString(), query["start_date"].ToString(), query["end_date"].ToString(),
             query["daily"].ToString(), query["timezone"].ToString()));

        var stored = (await owner.GetJsonAsync($"{api}/temperatures?from={Today(-10)}&to={Today(-1)}")).AsArray();
        Assert.Equal(Enumerable.Range(0, 9).Select(FakeOpenMeteo.MeanOfDay), stored.Select(t => t!["meanC"]!.GetValue<double>()));
        Assert.All(stored, t => Assert.Equal("open-meteo", t.Str("source")));

        // The default range is the 30 days before today; an update replaces what is there.
        using (var r = await owner.PostAsync($"{api}/temperatures/fetch"))
        {
            var body = await r.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((Today(-30), Today(-1), 29, 9), (body.Str("from"), body.Str("to"), body["received"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
        }
        using (var r = await owner.PostAsync($"{api}/temperatures/fetch?to={Today(2)}")) await r.ExpectAsync(HttpStatusCode.BadRequest);

        weather.Fail = true;
        using (var r = await owner.PostAsync($"{api}/temperatures/fetch"))
        {
            Assert.Contains("out of range", (await r.ReadJsonAsync(HttpStatusCode.BadGateway)).Str("detail"));
        }
    }
}
