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
    ];

    /// <summary>Everyday (often British) words in the words SR28 names the food by, whole words only: "wholemeal
    /// toast" is SR28's "Bread, whole-wheat, ..., toasted". A fixed list, so a match stays explainable.</summary>
    private static readonly Dictionary<string, string> Everyday = new(StringComparer.Ordinal)
    {
        ["wholemeal"] = "whole wheat", ["wholegrain"] = "whole wheat", ["toast"] = "bread toasted", ["yoghurt"] = "yogurt",
        ["courgette"] = "zucchini", ["courgettes"] = "zucchini", ["aubergine"] = "eggplant", ["aubergines"] = "eggplant",
        ["rocket"] = "arugula",
    };

    public async Task<Food?> SuggestAsync(string foodText, Guid userId, CancellationToken ct) =>
        (await MatchAsync(foodText, userId, ct)).Food;

    /// <summary>The suggestion and, when there is none, the words that named the food: what the screen shows as
    /// not understood instead of guessing.</summary>
    public async Task<(Food? Food, IReadOnlyList<string> Unmatched)> MatchAsync(string foodText, Guid userId, CancellationToken ct)
    {
        var named = NamingWords(foodText);
        if (named.Count == 0) return (null, []);
        var words = named.SelectMany(w => Everyday.TryGetValue(w, out var e) ? e.Split(' ') : [w]).Distinct().ToList();
        var found = await catalog.SearchAsync(string.Join(' ', words), userId, 5, ct);
        return found.Count > 0 && FoodCatalog.MatchesAll(found[0].Food.Name, words.Select(FoodCatalog.Stem).ToList())
            ? (found[0].Food, [])
            : (null, named);
    }

    private static List<string> NamingWords(string foodText) =>
        FoodRanking.Words(foodText).Where(w => !Qualifiers.Contains(w) && !w.All(char.IsAsciiDigit)).ToList();
}
