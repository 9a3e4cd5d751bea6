namespace TrackStack.Nutrition.Features.ParseIngredients;

/// <summary>Lines (a recipe editor) or one sentence ("2 eggs, a slice of wholemeal toast and 200 ml milk") in; the
/// parsed items with a suggested food and its grams out, to confirm or change. Words that match no food well come
/// back without a food, so the screen shows them instead of a guess.</summary>
internal static class ParseIngredients
{
    public sealed record ParseIngredientsRequest(IReadOnlyList<string>? Lines, string? Sentence);

    public sealed record ParsedIngredientResponse(
        string Text, double? Quantity, double? QuantityMax, string? Unit, string Food, string? Note, FoodResponse? Suggestion, double? Grams);

    public static void MapParseIngredients(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/ingredients/parse", HandleAsync)
            .WithSummary("Parse ingredient lines or a sentence into quantity, unit, food and note, with a suggested food and grams (nothing is stored)");

    internal static async Task<Results<Ok<IReadOnlyList<ParsedIngredientResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, ParseIngredientsRequest request, HttpContext http, FoodMatcher matcher, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((request.Lines is null) != (request.Sentence is null), "lines", "Send lines or a sentence.");
        errors.Check(request.Lines is null || (request.Lines.Count <= 100 && request.Lines.All(l => l is not null && l.Length <= 500)), "lines", "At most 100 lines of up to 500 characters.");
        errors.Check(request.Sentence is null || request.Sentence.Length <= 1000, "sentence", "A sentence is at most 1,000 characters.");
        if (errors.Any) return errors.ToResult();
        var lines = request.Lines ?? IngredientParser.SplitSentence(request.Sentence!);
        var user = http.GetHouseholdAccess().UserId;
        var answer = new List<ParsedIngredientResponse>();
        foreach (var text in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var parsed = IngredientParser.Parse(text);
            var food = await matcher.SuggestAsync(parsed.Food, user, ct);
            var grams = food is not null ? parsed.GramsFor(food.Units) : parsed.Grams;
            answer.Add(new ParsedIngredientResponse(parsed.Text, parsed.Quantity, parsed.QuantityMax, parsed.Unit?.Name, parsed.Food, parsed.Note,
                food?.ToResponse(), grams is { } g ? Math.Round(g, 1) : null));
        }
        return TypedResults.Ok<IReadOnlyList<ParsedIngredientResponse>>(answer);
    }
}
