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

    public async Task<Food?> SuggestAsync(string foodText, Guid userId, CancellationToken ct)
    {
        var words = FoodRanking.Words(foodText).Where(w => !Qualifiers.Contains(w) && !w.All(char.IsAsciiDigit)).ToList();
        if (words.Count == 0) return null;
        var found = await catalog.SearchAsync(string.Join(' ', words), userId, 5, ct);
        return found.Count > 0 && FoodCatalog.MatchesAll(found[0].Food.Name, words.Select(FoodCatalog.Stem).ToList()) ? found[0].Food : null;
    }
}
