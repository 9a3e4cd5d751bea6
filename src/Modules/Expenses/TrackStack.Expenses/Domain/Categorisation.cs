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
internal sealed class CategoryRule
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public RuleField Field { get; set; }
    public RuleMatch Match { get; set; }
    public string Pattern { get; set; } = "";
    public Guid CategoryId { get; set; }
    public int Priority { get; set; }
}

/// <summary>Applies rules in priority order; the first match wins. Regexes are compiled once, case-insensitive,
/// with a timeout so a pathological pattern cannot hang an import.</summary>
internal sealed class Categoriser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);
    private readonly List<(CategoryRule Rule, Regex? Regex)> _rules;

    public Categoriser(IEnumerable<CategoryRule> rules) =>
        _rules = rules.OrderBy(r => r.Priority).ThenBy(r => r.Pattern, StringComparer.Ordinal)
            .Select(r => (r, r.Match == RuleMatch.Regex ? new Regex(r.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout) : null))
            .ToList();

    public static string? CheckPattern(RuleMatch match, string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 200) return "Enter a pattern of 1 to 200 characters.";
        if (match != RuleMatch.Regex) return null;
        try
        {
            _ = new Regex(pattern, RegexOptions.None, Timeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"This is not a valid regular expression: {ex.Message}";
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
