using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TrackStack.Nutrition.Domain;

/// <summary>Reads an ingredient line in English, German or French into quantity, unit, food and note, locally
/// and by rules: numbers (1, 1.5, 1,5, 1/2, 1 1/2, ½, &amp;frac12;, ranges 2-3), number words (a, one, ein, une),
/// the unit words of <see cref="Measure.Words"/>, a weight in brackets ("1 (400 g) can", "1 cup (190 g)"), an
/// alternative after a slash ("75g/2½oz"), "of"/"de"/"d'" after the unit, a note after the first comma, and
/// "to taste" phrases. What it cannot read stays in the food text rather than being guessed.</summary>
internal static partial class IngredientParser
{
    // ASCII digits only: \d also matches "٣" or "３", which double.Parse does not read.
    private const string Num = @"(?:[0-9]+\s+[0-9]+/[0-9]+|[0-9]+/[0-9]+|[0-9]+(?:[.,][0-9]+)?)";

    /// <summary>Above this a number is not an amount anyone cooks with; it stays in the food text, so that a
    /// stored line never scales to infinity when it is read again.</summary>
    private const double MaxAmount = 100_000;

    [GeneratedRegex(@"^(?<q>" + Num + @")(?:\s*(?:-|–|—|to|bis|à|a|or|oder|ou)\s*(?<q2>" + Num + @"))?", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^\(\s*(?<q>" + Num + @")\s*(?<u>[a-zA-Z.]+)\s*\)")]
    private static partial Regex BracketWeight();

    [GeneratedRegex(@"^/\s*" + Num + @"\s*[a-zA-Z.]+\s*")]
    private static partial Regex SlashAlternative();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\(([^()]*)\)\s*")]
    private static partial Regex Brackets();

    private static readonly Dictionary<char, string> Fractions = new()
    {
        ['½'] = "1/2", ['⅓'] = "1/3", ['⅔'] = "2/3", ['¼'] = "1/4", ['¾'] = "3/4", ['⅕'] = "1/5", ['⅖'] = "2/5",
        ['⅗'] = "3/5", ['⅘'] = "4/5", ['⅙'] = "1/6", ['⅚'] = "5/6", ['⅛'] = "1/8", ['⅜'] = "3/8", ['⅝'] = "5/8", ['⅞'] = "7/8",
    };

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["half"] = 0.5,
        ["ein"] = 1, ["eine"] = 1, ["einen"] = 1, ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["halbe"] = 0.5,
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4,
    };

    private static readonly string[] TastePhrases =
    [
        "to taste", "as needed", "as required", "for serving", "nach geschmack", "nach belieben", "etwas",
        "au goût", "selon le goût", "à volonté", "a volonte", "quelques",
    ];

    private static readonly string[] Connectors = ["of ", "de ", "d'", "d’", "du ", "des "];

    public static ParsedIngredient Parse(string line)
    {
        var original = line;
        var text = Normalise(line);
        string? note = null;
        foreach (var phrase in TastePhrases)
        {
            var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (at > 0 && char.IsLetter(text[at - 1])) || (at + phrase.Length < text.Length && char.IsLetter(text[at + phrase.Length]))) continue;
            note = text.Substring(at, phrase.Length);
            text = (text[..at] + text[(at + phrase.Length)..]).Trim().TrimEnd(',').Trim();
            break;
        }

        double? quantity = null, quantityMax = null;
        var rest = text;
        if (Quantity().Match(rest) is { Success: true } q && ReadNumber(q.Groups["q"].Value) is { } first
            && (!q.Groups["q2"].Success || ReadNumber(q.Groups["q2"].Value) is not null))
        {
            quantity = first;
            if (q.Groups["q2"].Success) quantityMax = ReadNumber(q.Groups["q2"].Value);
            rest = rest[q.Length..].TrimStart();
        }
        else if (FirstWord(rest) is { } word && NumberWords.TryGetValue(word, out var n))
        {
            quantity = n;
            rest = rest[word.Length..].TrimStart();
        }

        double? unitSize = null;
        if (quantity is not null && BracketWeight().Match(rest) is { Success: true } size && MassOf(size) is { } perUnit)
        {
            unitSize = perUnit; // "1 (400 g) can": the weight of each
            rest = rest[size.Length..].TrimStart();
        }

        Measure? unit = null;
        if (MatchUnit(rest) is { } found)
        {
            unit = found.Measure;
            rest = rest[found.Length..].TrimStart();
            quantity ??= 1; // "pinch of salt"
        }

        // "400g tin kidney beans", "150g pot yogurt": the container after a weight says nothing more.
        if (unit is { Kind: MeasureKind.Mass } && MatchUnit(rest) is { Measure.Kind: MeasureKind.Portion } container) rest = rest[container.Length..].TrimStart();
        if (unit is { Kind: MeasureKind.Mass } && rest.StartsWith("pot ", StringComparison.OrdinalIgnoreCase)) rest = rest[4..];

        double? totalGrams = null;
        if (SlashAlternative().Match(rest) is { Success: true } alternative) rest = rest[alternative.Length..];
        if (BracketWeight().Match(rest) is { Success: true } total && MassOf(total) is { } grams)
        {
            // "1 ½ cups (190 g)": the weight of all of it; "2 cans (400 g)": of each can.
            if (unit is { Kind: MeasureKind.Portion }) unitSize ??= grams; else totalGrams = grams;
            rest = rest[total.Length..].TrimStart();
        }
        foreach (var c in Connectors)
        {
            if (unit is not null && rest.StartsWith(c, StringComparison.OrdinalIgnoreCase)) { rest = rest[c.Length..].TrimStart(); break; }
        }

        // Remaining brackets are notes ("(optional)", "(about 2 lemons)").
        var bracketNotes = Brackets().Matches(rest).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
        rest = Brackets().Replace(rest, " ").Trim();
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        var food = comma >= 0 ? rest[..comma].Trim() : rest;
        var notes = new List<string>();
        if (comma >= 0 && rest[(comma + 1)..].Trim() is { Length: > 0 } after) notes.Add(after);
        notes.AddRange(bracketNotes);
        if (note is not null) notes.Add(note);

        var lineGrams = totalGrams
            ?? (unitSize is { } each && quantity is not null ? each * Mid(quantity.Value, quantityMax) : (double?)null)
            ?? (unit is { Kind: MeasureKind.Mass } && quantity is not null ? unit.Size * Mid(quantity.Value, quantityMax) : null);
        if (unitSize is not null && unit is null) unit = Measure.Portion("piece");
        return new ParsedIngredient(original.Trim(), quantity, quantityMax, unit, lineGrams is { } g ? Math.Round(g, 3) : null,
            food.Trim(' ', '-', '.', ';', ':'), notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>Splits a sentence ("2 eggs, a slice of toast and 200 ml milk") into ingredient phrases.</summary>
    public static IReadOnlyList<string> SplitSentence(string sentence) =>
        SentenceSeparators().Split(Normalise(sentence)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [GeneratedRegex(@"\s*(?:,|;|\+|\n|\band\b|\bund\b|\bet\b|\bwith\b|\bmit\b|\bavec\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceSeparators();

    private static double Mid(double q, double? max) => max is { } m ? (q + m) / 2 : q;

    private static double? MassOf(Match m) =>
        MatchUnit(m.Groups["u"].Value) is { Measure.Kind: MeasureKind.Mass } u && u.Length == m.Groups["u"].Value.Length
            && ReadNumber(m.Groups["q"].Value) is { } n
            ? n * u.Measure.Size
            : null;

    private static (Measure Measure, int Length)? MatchUnit(string text)
    {
        foreach (var (word, measure) in Measure.Words)
        {
            if (text.Length < word.Length || !text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            if (text.Length > word.Length && char.IsLetter(text[word.Length]) && !word.EndsWith('.')) continue;
            return (measure, word.Length);
        }
        return null;
    }

    private static string? FirstWord(string text)
    {
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        return end <= 0 ? null : text[..end];
    }

    /// <summary>The number, or null when it is not one or is no sensible amount (infinite, above <see cref="MaxAmount"/>).</summary>
    private static double? ReadNumber(string text)
    {
        text = text.Trim();
        double? value;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (space > 0)
        {
            value = ReadNumber(text[..space]) is { } whole && ReadNumber(text[(space + 1)..]) is { } part ? whole + part : null;
        }
        else if (slash > 0)
        {
            value = Read(text[(slash + 1)..]) is { } d && Read(text[..slash]) is { } n ? (d == 0 ? 0 : n / d) : null;
        }
        else
        {
            value = Read(text.Replace(',', '.'));
        }
        return value is { } v && double.IsFinite(v) && v <= MaxAmount ? v : null;

        static double? Read(string s) =>
            double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) ? x : null;
    }

    /// <summary>Entities decoded, unicode fractions as "1/2" (glued ones as "1 1/2"), the fraction slash as "/", one space between words.</summary>
    private static string Normalise(string line)
    {
        var decoded = WebUtility.HtmlDecode(line).Replace('⁄', '/').Replace('\u00a0', ' ').Replace('\u202f', ' ');
        var sb = new StringBuilder(decoded.Length + 8);
        foreach (var c in decoded)
        {
            if (Fractions.TryGetValue(c, out var f))
            {
                if (sb.Length > 0 && char.IsAsciiDigit(sb[^1])) sb.Append(' ');
                sb.Append(f);
            }
            else
            {
                sb.Append(c);
            }
        }
        var s = sb.ToString().Trim().TrimStart('-', '•', '*', '·').Trim();
        return Spaces().Replace(s, " ");
    }
}
