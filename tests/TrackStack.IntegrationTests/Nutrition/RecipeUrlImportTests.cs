using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TrackStack.IntegrationTests.Heating;
using TrackStack.IntegrationTests.Infrastructure;
using TrackStack.Tests;
using static TrackStack.IntegrationTests.Nutrition.NutritionApi;

namespace TrackStack.IntegrationTests.Nutrition;

/// <summary>The recipe URL import against a real HTTP server on loopback, started here: reachable only with the
/// operator's AllowPrivateAddresses setting, refused (before any request) without it.</summary>
public sealed class RecipeUrlImportTests
{
    /// <summary>A recipe site on 127.0.0.1: the page, a redirect to it, a page over 2 MB, a slow answer, an image.</summary>
    private static Task<LoopbackSite> StartRecipeSiteAsync()
    {
        var page = File.ReadAllText(Fixtures.PathOf("nutrition/recipe-page-grilled-cheese-and-greens.html"));
        return LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/recipes/grilled-cheese", () => Results.Content(page, "text/html; charset=utf-8"));
            app.MapGet("/old-address", () => Results.Redirect("/recipes/grilled-cheese"));
            app.MapGet("/huge", () => Results.Content(page + new string(' ', 2_100_000), "text/html"));
            app.MapGet("/slow", async (CancellationToken ct) => { await Task.Delay(TimeSpan.FromSeconds(5), ct); return Results.Content(page, "text/html"); });
            app.MapGet("/photo", () => Results.Bytes(new byte[] { 0xff, 0xd8, 0xff }, "image/jpeg"));
            app.MapGet("/no-recipe", () => Results.Content("<html><body>Nothing here</body></html>", "text/html"));
        });
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_recipe_page_is_fetched_when_the_operator_allows_private_addresses(string provider)
    {
        await using var site = await StartRecipeSiteAsync();
        var baseUrl = site.BaseUrl;
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?>
        {
            ["Nutrition:AllowPrivateAddresses"] = "true",
            ["Nutrition:FetchTimeoutSeconds"] = "2",
        });
        var (alice, _, _, viewer, stranger, home, _) = await CastAsync(host);

        var recipe = await PostOkAsync(alice, $"{Api(home)}/recipes/import", new { url = $"{baseUrl}/old-address" });
        Assert.Equal(("Grilled Cheese and Greens", 4.0, 7), (recipe.Str("title"), recipe.Num("servings"), recipe["ingredients"]!.AsArray().Count));
        Assert.Equal($"{baseUrl}/old-address", recipe.Str("sourceUrl"));
        Assert.Equal("2 tablespoons extra-virgin olive oil, divided", recipe["ingredients"]![0]!.Str("text"));
        Assert.Equal(2, site.Requests); // the redirect, then the page

        foreach (var (path, says) in new[] { ("/huge", "2 MB"), ("/slow", "in time"), ("/photo", "image/jpeg"), ("/missing", "404"), ("/no-recipe", "schema.org Recipe") })
        {
            using var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { url = baseUrl + path });
            var errors = await ErrorsAsync(r);
            Assert.Contains(says, errors["url"]![0]!.GetValue<string>());
        }
        foreach (var bad in new object[] { new { url = "ftp://example.org/x" }, new { url = "not an address" }, new { url = "http://example.org", html = "<html>" } })
            using (var r = await alice.PostAsync($"{Api(home)}/recipes/import", bad)) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await viewer.PostAsync($"{Api(home)}/recipes/import", new { url = $"{baseUrl}/recipes/grilled-cheese" })) await r.ExpectAsync(HttpStatusCode.Forbidden);
        using (var r = await stranger.PostAsync($"{Api(home)}/recipes/import", new { url = $"{baseUrl}/recipes/grilled-cheese" })) await r.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await alice.GetJsonAsync($"{Api(home)}/recipes")).Num("total"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Without_the_setting_loopback_private_and_link_local_addresses_are_refused_before_any_request(string provider)
    {
        await using var site = await StartRecipeSiteAsync();
        var baseUrl = site.BaseUrl;
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await TestHost.StartAsync(db);
        var (alice, _, _, _, _, home, _) = await CastAsync(host);
        var port = new Uri(baseUrl).Port;
        foreach (var url in new[]
        {
            $"{baseUrl}/recipes/grilled-cheese", $"http://localhost:{port}/recipes/grilled-cheese", $"http://[::1]:{port}/", "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/", "http://192.168.1.10/recipe", "http://[::ffff:127.0.0.1]:" + port + "/", "http://0.0.0.0:" + port + "/",
        })
        {
            using var r = await alice.PostAsync($"{Api(home)}/recipes/import", new { url });
            var errors = await ErrorsAsync(r);
            Assert.Contains("private or local address", errors["url"]![0]!.GetValue<string>());
        }
        Assert.Equal(0, site.Requests);
        Assert.Equal(0, (await alice.GetJsonAsync($"{Api(home)}/recipes")).Num("total"));
    }
}
