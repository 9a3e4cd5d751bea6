using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace TrackStack.Nutrition.Domain;

/// <summary>A schema.org Recipe read from JSON-LD: the first node of type Recipe at the top, in a list or in an
/// @graph. Instructions may be a string, a list of strings, HowToStep or HowToSection (with itemListElement);
/// recipeYield "4", "Serves 4", "Makes 12" or a list; times ISO 8601 durations. Text is HTML-decoded.</summary>
internal sealed partial record JsonLdRecipe(
    string Title, string? Description, double? Servings, int? PrepMinutes, int? CookMinutes, IReadOnlyList<string> Tags, string? Url,
    IReadOnlyList<(string? Section, string Text)> Steps, IReadOnlyList<string> Ingredients)
{
    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex FirstNumber();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTags();

    /// <summary>The recipe in an HTML page's ld+json scripts, or null.</summary>
    public static JsonLdRecipe? FromHtml(string html)
    {
        // Scanned with IndexOf rather than a lazy regex, whose backtracking over 2 MB of unclosed tags is quadratic.
        var at = 0;
        while ((at = html.IndexOf("<script", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var tagEnd = html.IndexOf('>', at);
            if (tagEnd < 0) return null;
            var close = html.IndexOf("</script", tagEnd, StringComparison.OrdinalIgnoreCase);
            if (close < 0) return null; // no later script is closed either
            var tag = html.AsSpan(at, tagEnd - at);
            if (tag.Contains("application/ld+json", StringComparison.OrdinalIgnoreCase)
                && FromJson(html[(tagEnd + 1)..close]) is { } recipe) return recipe;
            at = close;
        }
        return null;
    }

    /// <summary>The recipe in a JSON-LD document, or null when it has none (or is not JSON).</summary>
    public static JsonLdRecipe? FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            return Find(doc.RootElement, 0) is { } node ? Read(node) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Find(JsonElement e, int depth)
    {
        if (depth > 8) return null;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) if (Find(item, depth + 1) is { } found) return found;
            return null;
        }
        if (e.ValueKind != JsonValueKind.Object) return null;
        if (IsType(e, "Recipe")) return e;
        return e.TryGetProperty("@graph", out var graph) ? Find(graph, depth + 1) : null;
    }

    private static bool IsType(JsonElement e, string type) =>
        e.TryGetProperty("@type", out var t) && (t.ValueKind == JsonValueKind.String ? t.GetString() == type
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == type));

    private static JsonLdRecipe? Read(JsonElement r)
    {
        var title = Text(r, "name") ?? Text(r, "headline");
        if (string.IsNullOrWhiteSpace(title)) return null;
        var steps = new List<(string?, string)>();
        if (r.TryGetProperty("recipeInstructions", out var instructions)) ReadSteps(instructions, null, steps, 0);
        var tags = new List<string>();
        foreach (var field in new[] { "recipeCategory", "recipeCuisine", "keywords" })
            foreach (var t in Strings(r, field).SelectMany(s => s.Split(',')).Select(s => s.Trim()).Where(s => s.Length is > 0 and <= 40))
                if (!tags.Contains(t, StringComparer.OrdinalIgnoreCase)) tags.Add(t);
        return new JsonLdRecipe(Clip(title, 200)!, Clip(Text(r, "description"), 4000), Yield(r), Minutes(Text(r, "prepTime")), Minutes(Text(r, "cookTime")),
            tags.Take(20).ToList(), Text(r, "url") is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && u.Length <= 2000 ? u : null,
            steps.Take(100).ToList(), Strings(r, "recipeIngredient").Where(s => s.Length > 0).Select(s => Clip(s, 500)!).Take(100).ToList());
    }

    private static void ReadSteps(JsonElement e, string? section, List<(string?, string)> into, int depth)
    {
        if (depth > 6) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var line in Clean(e.GetString()).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) into.Add((section, Clip(line, 4000)!));
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) ReadSteps(item, section, into, depth + 1);
                break;
            case JsonValueKind.Object when IsType(e, "HowToSection"):
                var name = Text(e, "name");
                if (e.TryGetProperty("itemListElement", out var items)) ReadSteps(items, Clip(name, 200) ?? section, into, depth + 1);
                break;
            case JsonValueKind.Object:
                if ((Text(e, "text") ?? Text(e, "name")) is { Length: > 0 } text) into.Add((section, Clip(text, 4000)!));
                break;
        }
    }

    /// <summary>"4", "Serves 4", "Makes 12", 4, ["4", "4 servings"]: the first number.</summary>
    private static double? Yield(JsonElement r)
    {
        if (!r.TryGetProperty("recipeYield", out var y)) return null;
        if (y.ValueKind == JsonValueKind.Number) return y.GetDouble() is > 0 and <= 1000 and var n ? n : null;
        foreach (var s in Strings(r, "recipeYield"))
        {
            var m = FirstNumber().Match(s);
            if (m.Success && double.TryParse(m.Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 1000) return v;
        }
        return null;
    }

    private static int? Minutes(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso)) return null;
        try
        {
            var minutes = XmlConvert.ToTimeSpan(iso.Trim()).TotalMinutes;
            return minutes is >= 0 and <= 10000 ? (int)Math.Round(minutes) : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException) // "P99999999D" is no TimeSpan
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonElement r, string name)
    {
        if (!r.TryGetProperty(name, out var v)) yield break;
        if (v.ValueKind == JsonValueKind.String) { yield return Clean(v.GetString()); yield break; }
        if (v.ValueKind != JsonValueKind.Array) yield break;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) yield return Clean(item.GetString());
            else if (item.ValueKind == JsonValueKind.Number) yield return item.GetRawText();
        }
    }

    private static string? Text(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && Clean(v.GetString()) is { Length: > 0 } s ? s : null;

    private static string Clean(string? s) => Blanks().Replace(HtmlTags().Replace(WebUtility.HtmlDecode(s ?? ""), " ").Replace('\u00a0', ' '), " ").Trim();

    [GeneratedRegex("[ \t]+")]
    private static partial Regex Blanks();

    private static string? Clip(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
