using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SkiaSharp;
using TrackStack.IntegrationTests.Events;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

/// <summary>A recipe's photo through the HTTP pipeline: re-encoded by the server (upright, at most 1,600 px, no EXIF),
/// stored as a file in the data dir, served with a strong ETag, and refused in words when it cannot be used.</summary>
public sealed class RecipePhotoTests
{
    private const string GpsFixture = "nutrition/recipe-photo-gps.jpg";

    private static async Task<string> RecipeAsync(ApiClient client, Guid household, string title = "Pancakes") =>
        (await PostOkAsync(client, $"{Api(household)}/recipes", new { title, servings = 4, ingredients = new[] { new { text = "200 g flour", foodId = "sr28:20081", grams = (double?)null } } })).Str("id");

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return body;
    }

    private static Task<HttpResponseMessage> PutPhotoAsync(ApiClient client, Guid household, string recipe, HttpContent content) =>
        client.Http.PutAsync($"{Api(household)}/recipes/{recipe}/photo", content);

    private static string[] PhotoFiles(TestDatabase db, Guid household, string recipe)
    {
        var folder = Path.Combine(db.DataDir, "nutrition", "photos", household.ToString());
        return Directory.Exists(folder) ? Directory.GetFiles(folder, recipe + "*") : [];
    }

    private static async Task<(byte[] Bytes, HttpResponseMessage Response)> GetPhotoAsync(ApiClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("image/jpeg", r.Content.Headers.ContentType!.MediaType);
        return (await r.Content.ReadAsByteArrayAsync(), r);
    }

    private static SKColor Pixel(SKBitmap bitmap, double x, double y) => bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));

    private static bool Reddish(SKColor c) => c.Red > 200 && c.Blue < 60 && c.Green < 60;
    private static bool Bluish(SKColor c) => c.Blue > 200 && c.Red < 60 && c.Green < 60;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_photo_is_stored_upright_small_and_without_its_gps_then_replaced_and_removed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, bob, viewer, _, home, _) = await CastAsync(host);
        var recipe = await RecipeAsync(alice, home);
        Assert.Null((await alice.GetJsonAsync($"{Api(home)}/recipes/{recipe}"))["photo"]);
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NotFound);

        // The fixture: 2000 × 1000 px, red left and blue right, EXIF orientation 6 and a GPS position.
        var upload = Fixtures.Bytes(GpsFixture);
        using (var original = SKBitmap.Decode(upload)) Assert.Equal((2000, 1000), (original.Width, original.Height));
        Assert.Contains((byte)0xE1, TestImages.Markers(upload));
        Assert.True(upload.AsSpan().IndexOf("Exif\0\0"u8) > 0 && upload.AsSpan().IndexOf(new byte[] { 0x25, 0x88 }) > 0, "the fixture carries EXIF with a GPS IFD pointer");

        // A member (not the recipe's author) sets it with the multipart form the app sends.
        using var set = await PutPhotoAsync(bob, home, recipe, Form(upload, "IMG_0042.jpg", "image/jpeg"));
        var photo = await set.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((800, 1600), (photo.Num("width"), photo.Num("height"))); // turned upright, then 1,600 px on the long side
        var version = photo.Str("version");
        Assert.Equal($"{Api(home)}/recipes/{recipe}/photo?v={version}", photo.Str("url"));
        var read = await viewer.GetJsonAsync($"{Api(home)}/recipes/{recipe}");
        Assert.Equal(version, read["photo"]!.Str("version"));
        Assert.Equal(1600, read["photo"].Num("height"));

        var (stored, response) = await GetPhotoAsync(viewer, $"{Api(home)}/recipes/{recipe}/photo");
        using (response)
        {
            Assert.Equal($"\"{version}\"", response.Headers.ETag!.Tag);
            Assert.False(response.Headers.ETag.IsWeak);
            Assert.True(response.Headers.CacheControl!.Private);
            Assert.True(response.Headers.CacheControl.NoCache);
        }
        using (var bitmap = SKBitmap.Decode(stored))
        {
            Assert.Equal((800, 1600), (bitmap.Width, bitmap.Height));
            // Orientation 6 turns the picture a quarter clockwise: the red left half is now on top.
            Assert.True(Reddish(Pixel(bitmap, 0.5, 0.1)), $"top is {Pixel(bitmap, 0.5, 0.1)}");
            Assert.True(Bluish(Pixel(bitmap, 0.5, 0.9)), $"bottom is {Pixel(bitmap, 0.5, 0.9)}");
        }
        Assert.DoesNotContain((byte)0xE1, TestImages.Markers(stored)); // no APP1: neither EXIF nor XMP
        Assert.True(stored.AsSpan().IndexOf("Exif"u8) < 0, "no EXIF anywhere in the stored photo");
        Assert.True(stored.AsSpan().IndexOf(new byte[] { 0xB4, 0x0B, 0, 0, 0x64, 0, 0, 0 }) < 0, "the GPS seconds (2964/100) are gone");
        var file = Assert.Single(PhotoFiles(db, home, recipe));
        Assert.Equal(stored, await File.ReadAllBytesAsync(file));

        // The same version again is a 304; the versioned address may be kept for good.
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, $"{Api(home)}/recipes/{recipe}/photo"))
        {
            conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            using var r = await alice.Http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, r.StatusCode);
        }
        using (var r = await alice.GetAsync(photo.Str("url")))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), r.Headers.CacheControl!.MaxAge);
            Assert.True(r.Headers.CacheControl.Private);
        }

        // Replaced by a PNG sent as the raw body with a wrong type: read by its bytes; the old file goes.
        using var replaced = await PutPhotoAsync(alice, home, recipe, Raw(TestImages.Encode(2400, 1200, SKEncodedImageFormat.Png), "application/octet-stream"));
        var second = await replaced.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((1600, 800), (second.Num("width"), second.Num("height")));
        Assert.NotEqual(version, second.Str("version"));
        var (png, pngResponse) = await GetPhotoAsync(alice, $"{Api(home)}/recipes/{recipe}/photo");
        using (pngResponse) Assert.Equal($"\"{second.Str("version")}\"", pngResponse.Headers.ETag!.Tag);
        using (var bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal((1600, 800), (bitmap.Width, bitmap.Height));
            Assert.True(Reddish(Pixel(bitmap, 0.1, 0.5)) && Bluish(Pixel(bitmap, 0.9, 0.5)), "a PNG without orientation keeps its sides");
        }
        Assert.EndsWith($"{second.Str("version")}.jpg", Assert.Single(PhotoFiles(db, home, recipe)));
        using (var r = await alice.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api(home)}/recipes/{recipe}/photo") { Headers = { IfNoneMatch = { new EntityTagHeaderValue($"\"{version}\"") } } }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode); // the old ETag no longer matches

        // A small WebP named .png and sent as text: kept at its size.
        using var webp = await PutPhotoAsync(bob, home, recipe, Form(TestImages.Encode(64, 48, SKEncodedImageFormat.Webp), "photo.png", "text/plain"));
        var third = await webp.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((64, 48), (third.Num("width"), third.Num("height")));

        using (var r = await bob.DeleteAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Null((await alice.GetJsonAsync($"{Api(home)}/recipes/{recipe}"))["photo"]);
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty(PhotoFiles(db, home, recipe));
        using (var r = await bob.DeleteAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NoContent); // again: nothing to do

        // Deleting the recipe deletes its photo file.
        using (var r = await PutPhotoAsync(alice, home, recipe, Form(upload, "again.jpg", "image/jpeg"))) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Single(PhotoFiles(db, home, recipe));
        using (var r = await alice.DeleteAsync($"{Api(home)}/recipes/{recipe}")) await r.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(PhotoFiles(db, home, recipe));
        using (var r = await alice.GetAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Photos_that_cannot_be_used_are_refused_in_words_and_change_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Nutrition:MaxPhotoBytes"] = "200000" });
        var (alice, _, _, viewer, stranger, home, other) = await CastAsync(host);
        var recipe = await RecipeAsync(alice, home);
        var upload = Fixtures.Bytes(GpsFixture);
        using (var r = await PutPhotoAsync(alice, home, recipe, Form(upload, "photo.jpg", "image/jpeg"))) await r.ExpectAsync(HttpStatusCode.OK);
        var before = (await alice.GetJsonAsync($"{Api(home)}/recipes/{recipe}"))["photo"]!.Str("version");

        async Task<string> RefusedAsync(HttpContent content, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"{Api(home)}/recipes/{recipe}/photo") { Content = content };
            request.Headers.ExpectContinue = true; // a refused large body is answered before it is sent
            using var r = await alice.Http.SendAsync(request);
            Assert.Equal(status, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
            var problem = await r.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            return problem!["errors"]?["file"]?[0]?.GetValue<string>() ?? problem["detail"]!.GetValue<string>();
        }

        var big = new byte[300_000];
        Random.Shared.NextBytes(big);
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        Assert.Contains("larger than", await RefusedAsync(Raw(big, "image/jpeg"), HttpStatusCode.RequestEntityTooLarge));
        Assert.Contains("larger than", await RefusedAsync(Form(big, "big.jpg", "image/jpeg"), HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal("The file is not a JPEG, PNG or WebP image.", await RefusedAsync(Form("not a photo at all"u8.ToArray(), "photo.jpg", "image/jpeg")));
        Assert.Equal("The file is not a JPEG, PNG or WebP image.", await RefusedAsync(Raw([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0], "image/gif")));
        Assert.Contains("damaged", await RefusedAsync(Raw(upload[..(upload.Length / 3)], "image/jpeg"))); // cut short
        Assert.Contains("damaged", await RefusedAsync(Raw([0xFF, 0xD8, 0xFF, .. "garbage after a JPEG start"u8], "image/jpeg")));
        Assert.Contains("100,000 × 100,000 pixels", await RefusedAsync(Form(TestImages.PngBomb(), "bomb.png", "image/png")));
        Assert.StartsWith("Attach the photo", await RefusedAsync(Raw([], "image/jpeg")));

        // A viewer reads the photo but cannot set or remove it; another household's recipe does not exist for them.
        using (var r = await PutPhotoAsync(viewer, home, recipe, Form(upload, "photo.jpg", "image/jpeg"))) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.DeleteAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await viewer.GetAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.OK);
        using (var r = await PutPhotoAsync(stranger, other, recipe, Form(upload, "photo.jpg", "image/jpeg"))) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(other)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.DeleteAsync($"{Api(other)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await stranger.GetAsync($"{Api(home)}/recipes/{recipe}/photo")) await r.ExpectAsync(HttpStatusCode.NotFound);
        using (var r = await PutPhotoAsync(alice, home, Guid.NewGuid().ToString(), Form(upload, "photo.jpg", "image/jpeg"))) await r.ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, (await alice.GetJsonAsync($"{Api(home)}/recipes/{recipe}"))["photo"]!.Str("version"));
        Assert.EndsWith($"{before}.jpg", Assert.Single(PhotoFiles(db, home, recipe)));
        Assert.Empty(Directory.GetFiles(Path.Combine(db.DataDir, "nutrition", "photos", home.ToString()), "*.tmp"));
    }

    /// <summary>A household deleted with its last member's account takes its photo files along.</summary>
    [Fact]
    public async Task A_deleted_households_photos_are_deleted()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var host = await TestHost.StartAsync(db);
        var (_, _, _, _, stranger, _, other) = await CastAsync(host);
        var recipe = await RecipeAsync(stranger, other);
        using (var r = await PutPhotoAsync(stranger, other, recipe, Form(Fixtures.Bytes(GpsFixture), "photo.jpg", "image/jpeg"))) await r.ExpectAsync(HttpStatusCode.OK);
        Assert.Single(PhotoFiles(db, other, recipe));
        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = Accounts.Password }) })
        using (var r = await stranger.Http.SendAsync(request)) await r.ExpectAsync(HttpStatusCode.NoContent);
        await EventDeliveryTests.WaitUntilAsync(() => Task.FromResult(!Directory.Exists(Path.Combine(db.DataDir, "nutrition", "photos", other.ToString()))));
    }
}
