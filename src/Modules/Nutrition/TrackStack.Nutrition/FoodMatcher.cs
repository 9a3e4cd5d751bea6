using System.Text.RegularExpressions;

namespace TrackStack.Nutrition;

/// <summary>Suggests the food for an ingredient's food text: the best search match, but only when every word that
/// names the food (not "chopped", "fresh", "large") is a word of the match. Otherwise none: a line stays unlinked
/// rather than linked to a guess.</summary>
internal sealed class FoodMatcher(FoodCatalog catalog)
{
    private static readonly HashSet<string> Qualifiers =
    [
        "chopped", "diced", "sliced", "minced", "grated", "shredded", "crushed", "beaten", "peeled", "fresh", "freshly", "large",
        "medium", "small", "finely", "roughly", "thinly", "ground", "softened", "melted", "cold", "warm", "hot", "room", "temperature",
        "about", "approx", "good", "quality", "organic", "extra", "virgin", "plain", "whole", "to", "taste", "for", "the", "of", "and",
        "a", "an", "some", "or", "into", "cut", "halved", "quartered", "drained", "rinsed", "packed", "heaped", "level",
        "sifted", "optional", "pot", "tub", "decorate", "serve", "serving",
    ];

    /// <summary>Everyday (often British) phrases in SR28's words, matched as whole words after hyphens become spaces:
    /// "self-raising flour" is SR28's "Wheat flour, ..., self-rising", "icing sugar" its "Sugars, powdered".</summary>
    private static readonly (Regex Phrase, string Replacement)[] Phrases = new (string Phrase, string Replacement)[]
    {
        ("self raising", "self rising"), ("natural (yogurt|yoghurt)", "plain yogurt"), ("fat free ((plain )?(milk|yogurt|yoghurt))", "skim $1"),
        ("icing sugar", "powdered sugar"), ("caster sugar", "granulated sugar"), ("(light|dark) (muscovado|brown) sugar", "brown sugar"),
        ("muscovado", "brown"),
    }.Select(p => (new Regex($@"\b{p.Phrase}\b", RegexOptions.CultureInvariant), p.Replacement)).ToArray();

    /// <summary>Everyday (often British) words in the words SR28 names the food by, whole words only: "wholemeal
    /// toast" is SR28's "Bread, whole-wheat, ..., toasted". A fixed list, so a match stays explainable.</summary>
    private static readonly Dictionary<string, string> EverydayWords = new(StringComparer.Ordinal)
    {
        ["wholemeal"] = "whole wheat", ["wholegrain"] = "whole wheat", ["toast"] = "bread toasted", ["yoghurt"] = "yogurt",
        ["courgette"] = "zucchini", ["courgettes"] = "zucchini", ["aubergine"] = "eggplant", ["aubergines"] = "eggplant",
        ["rocket"] = "arugula", ["unsalted"] = "without salt",
    };

    public async Task<Food?> SuggestAsync(string foodText, Guid userId, CancellationToken ct) =>
        (await MatchAsync(foodText, userId, ct)).Food;

    /// <summary>The suggestion and, when there is none, the words that named the food: what the screen shows as
    /// not understood instead of guessing.</summary>
    public async Task<(Food? Food, IReadOnlyList<string> Unmatched)> MatchAsync(string foodText, Guid userId, CancellationToken ct)
    {
        var named = NamingWords(foodText);
        if (named.Count == 0) return (null, []);
        foreach (var alternative in Alternatives(foodText))
        {
            var words = NamingWords(Everyday(alternative)).SelectMany(w => EverydayWords.TryGetValue(w, out var e) ? e.Split(' ') : [w]).Distinct().ToList();
            if (words.Count == 0) continue;
            var found = await catalog.SearchAsync(string.Join(' ', words), userId, 5, ct);
            if (found.Count > 0 && FoodCatalog.MatchesAll(found[0].Food.Name, words.Select(FoodCatalog.Stem).ToList())) return (found[0].Food, []);
        }
        return (null, named);
    }

    /// <summary>"butter or margarine" names two foods: "butter", then "margarine" (the first that matches is linked).
    /// "vegetable or sunflower oil": "sunflower oil" first, as written in full, then "vegetable oil" (SR28's only
    /// "vegetable oil"s are particular ones such as palm kernel). Text without "or" is its own alternative.</summary>
    internal static IReadOnlyList<string> Alternatives(string foodText)
    {
        // Qualifiers out first: "butter or margarine, melted" is still "butter", then "margarine".
        var words = FoodRanking.Words(foodText).Where(w => w == "or" || (!Qualifiers.Contains(w) && !w.All(char.IsAsciiDigit))).ToArray();
        var or = Array.IndexOf(words, "or");
        if (or <= 0 || or == words.Length - 1) return [foodText];
        var (left, right) = (words[..or], words[(or + 1)..]);
        return left.Length == 1 && right.Length > 1
            ? [string.Join(' ', right), $"{left[0]} {right[^1]}"]
            : [string.Join(' ', left), string.Join(' ', right)];
    }

    private static string Everyday(string text)
    {
        var normal = text.ToLowerInvariant().Replace('-', ' ');
        foreach (var (phrase, replacement) in Phrases) normal = phrase.Replace(normal, replacement);
        return normal;
    }

    private static List<string> NamingWords(string foodText) =>
        FoodRanking.Words(foodText).Where(w => !Qualifiers.Contains(w) && !w.All(char.IsAsciiDigit)).ToList();
}
