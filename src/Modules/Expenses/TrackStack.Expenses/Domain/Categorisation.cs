using System.Text.RegularExpressions;

namespace TrackStack.Expenses.Domain;

internal enum RuleField
{
    Any,
    Payee,
    Memo,
}

internal enum RuleMatch
{
    Contains,
    Regex,
}

/// <summary>"When the payee (or memo) contains / matches X, file it under category C."</summary>
internal sealed class CategoryRule : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public RuleField Field { get; set; }
    public RuleMatch Match { get; set; }
    public string Pattern { get; set; } = "";
    public Guid CategoryId { get; set; }
    public int Priority { get; set; }
}

/// <summary>Applies rules in priority order; the first match wins. Regexes use the non-backtracking engine
/// (linear time in the text), so no pattern a member saves can tie up the server; a timeout stays as a backstop.
/// The timeout is generous because the engine builds its automaton lazily: on a cold, busy server the first match
/// took over 50 ms, and a rule that timed out silently filed nothing.</summary>
internal sealed class Categoriser
{
    public const int MaxRules = 200;
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly List<(CategoryRule Rule, Regex? Regex)> _rules;

    public Categoriser(IEnumerable<CategoryRule> rules) =>
        _rules = rules.OrderBy(r => r.Priority).ThenBy(r => r.Pattern, StringComparer.Ordinal)
            .Select(r => (r, r.Match == RuleMatch.Regex ? TryCompile(r.Pattern) : null))
            .Where(x => x.Item1.Match != RuleMatch.Regex || x.Item2 is not null)
            .ToList();

    /// <summary>Checks a pattern exactly as it will be stored (trimmed) and run (same options).</summary>
    public static string? CheckPattern(RuleMatch match, string? pattern)
    {
        pattern = pattern?.Trim();
        if (string.IsNullOrEmpty(pattern) || pattern.Length > 200) return "Enter a pattern of 1 to 200 characters.";
        if (match != RuleMatch.Regex) return null;
        try
        {
            _ = new Regex(pattern, Options, Timeout);
            return null;
        }
        catch (NotSupportedException ex)
        {
            return $"This regular expression uses a construct that is not allowed (backreferences, lookarounds, atomic groups): {ex.Message}";
        }
        catch (ArgumentException ex)
        {
            return $"This is not a valid regular expression: {ex.Message}";
        }
    }

    private static Regex? TryCompile(string pattern)
    {
        try
        {
            return new Regex(pattern, Options, Timeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // stored before the rules were tightened: ignored rather than breaking every import
        }
    }

    public Guid? CategoryFor(string? payee, string? memo)
    {
        foreach (var (rule, regex) in _rules)
        {
            var text = rule.Field switch
            {
                RuleField.Payee => payee ?? "",
                RuleField.Memo => memo ?? "",
                _ => $"{payee}\n{memo}",
            };
            try
            {
                var hit = regex is null
                    ? text.Contains(rule.Pattern, StringComparison.OrdinalIgnoreCase)
                    : regex.IsMatch(text);
                if (hit) return rule.CategoryId;
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern too slow for this text counts as no match.
            }
        }
        return null;
    }
}
