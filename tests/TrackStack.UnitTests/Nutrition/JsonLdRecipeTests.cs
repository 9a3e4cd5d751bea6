using System.Diagnostics;
using TrackStack.Nutrition.Domain;

namespace TrackStack.UnitTests.Nutrition;

public sealed class JsonLdRecipeTests
{
    [Fact]
    public void A_duration_too_long_for_a_timespan_is_no_time()
    {
        var recipe = JsonLdRecipe.FromJson("""{"@type":"Recipe","name":"Slow","prepTime":"P99999999D","cookTime":"PT20M","recipeIngredient":["1 egg"]}""");
        Assert.NotNull(recipe);
        Assert.Equal((null, 20), (recipe.PrepMinutes, recipe.CookMinutes));
    }

    [Fact]
    public void Many_unclosed_script_tags_are_scanned_in_linear_time()
    {
        var html = string.Concat(Enumerable.Repeat("<script type=\"application/ld+json\">{", 50_000));
        var clock = Stopwatch.StartNew();
        Assert.Null(JsonLdRecipe.FromHtml(html));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void The_ld_json_script_is_found_among_others()
    {
        var html = """<script>var x = 1;</script><SCRIPT type='application/ld+json'>{"@type":"Recipe","name":"Toast","recipeIngredient":["1 slice bread"]}</SCRIPT>""";
        Assert.Equal("Toast", JsonLdRecipe.FromHtml(html)?.Title);
    }
}
