namespace TrackStack.Nutrition.Domain;

/// <summary>Orders search matches: the household's own foods, then the ones the member logged lately, then by
/// how generic the food is for the words typed. SR28 names a food from general to particular ("Egg, whole, raw,
/// fresh"; "Noodles, egg, dry, enriched"), so a food whose first part is the query is the generic one, and fewer
/// parts and a shorter name mean fewer qualifiers.</summary>
internal static class FoodRanking
{
    private static readonly HashSet<string> OtherAnimals = ["sheep", "goat", "human", "indian buffalo", "buffalo", "camel"];

    public static IReadOnlyList<string> Words(string query) =>
        query.ToLowerInvariant()
            .Split([' ', ',', ';', '-', '/', '(', ')', '.', '\'', '"', '&', '+', '*', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Take(8)
            .ToList();

    public static double Score(string name, IReadOnlyList<string> words, bool household, int recentRank)
    {
        var lower = name.ToLowerInvariant();
        var parts = lower.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var first = parts.Length > 0 ? parts[0] : lower;
        var firstWords = Words(first);
        double score = 0;
        if (household) score += 1000;
        if (recentRank >= 0) score += 500 - Math.Min(recentRank, 400);
        // Singular and plural alike: "eggs" finds "Egg, whole" as generic as "egg" does.
        var phrase = string.Join(' ', words.Select(Stem));
        if (string.Join(' ', firstWords.Select(Stem)) == phrase) score += 100;
        else if (words.Count > 0 && firstWords.Count > 0 && Stem(firstWords[0]) == Stem(words[0])) score += 60;
        // English puts the food's noun last ("brown sugar"), SR28 first ("Sugars, brown"): that is generic too.
        else if (words.Count > 1 && firstWords.Count > 0 && Stem(firstWords[0]) == Stem(words[^1])) score += 50;
        else if (words.Count > 0 && firstWords.Count > 0 && firstWords[0].StartsWith(words[0], StringComparison.Ordinal)) score += 30;
        // Each query word that is a whole word of the name (not just a prefix) is a closer match.
        var nameWords = Words(lower);
        score += 10 * words.Count(w => nameWords.Any(n => Stem(n) == Stem(w)));
        // Raw is the generic state of a food (SR28 has "Egg, whole, raw, fresh" next to "Egg, yolk, dried").
        if (parts.Skip(1).Any(p => p is "raw" or "fresh" or "raw or fresh")) score += 10;
        // "whole" is the whole food, not a part of it (egg yolk, egg white).
        if (parts.Length > 1 && parts[1] == "whole") score += 2;
        // Another animal's milk is particular ("Milk, sheep, fluid"): "milk" means cow's milk unless the animal is typed.
        if (parts.Length > 1 && OtherAnimals.Contains(parts[1]) && !words.Any(w => parts[1].Contains(w, StringComparison.Ordinal))) score -= 10;
        score -= 4 * parts.Length;
        score -= 0.05 * lower.Length;
        return score;
    }

    /// <summary>A word as a prefix that also finds its plural or singular: "eggs" → "egg", "berries" → "berr".</summary>
    public static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 3 && word.EndsWith('s') ? word[..^1]
        : word;
}
