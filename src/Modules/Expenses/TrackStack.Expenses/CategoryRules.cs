namespace TrackStack.Expenses;

public sealed record RuleRequest(string? Field, string? Match, string? Pattern, Guid? CategoryId, int? Priority);

public sealed record RuleResponse(Guid Id, string Field, string Match, string Pattern, Guid CategoryId, int Priority);

/// <summary>What adding and changing a rule share: reading a request and the answer.</summary>
internal static class CategoryRules
{
    public static async Task<(CategoryRule Rule, FieldErrors Errors)> ParseAsync(RuleRequest r, Guid householdId, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var field = RuleField.Any;
        var match = RuleMatch.Contains;
        if (r.Field is not null && !EnumNames.TryParse(r.Field, out field)) errors.Add("field", "Use any, payee or memo.");
        if (r.Match is not null && !EnumNames.TryParse(r.Match, out match)) errors.Add("match", "Use contains or regex.");
        if (Categoriser.CheckPattern(match, r.Pattern) is { } bad) errors.Add("pattern", bad);
        if (r.CategoryId is not { } c || !await db.Categories.AnyAsync(x => x.Id == c, ct)) errors.Add("categoryId", "Choose a category of the household.");
        return (new CategoryRule { HouseholdId = householdId, Field = field, Match = match, Pattern = r.Pattern?.Trim() ?? "", CategoryId = r.CategoryId ?? Guid.Empty, Priority = r.Priority ?? 100 }, errors);
    }

    public static RuleResponse ToResponse(CategoryRule r) => new(r.Id, r.Field.ToString().ToLowerInvariant(), r.Match.ToString().ToLowerInvariant(), r.Pattern, r.CategoryId, r.Priority);
}
