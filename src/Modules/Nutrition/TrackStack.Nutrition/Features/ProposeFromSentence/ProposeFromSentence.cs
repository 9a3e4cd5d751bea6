namespace TrackStack.Nutrition.Features.ProposeFromSentence;

/// <summary>"2 eggs, a slice of wholemeal toast and 200 ml milk" in, one proposed diary item per phrase out, parsed
/// locally by the ingredient parser: the food the matcher suggests, its grams and what they hold. Nothing is stored;
/// the screen shows the items to confirm or change and logs them (each with its client id). An item is "ready"
/// (a food and grams), "needsGrams" (a food, but the amount cannot be weighed for it) or "unmatched" (no food
/// matched well: its words are listed instead of a guess).</summary>
internal static class ProposeFromSentence
{
    public const int MaxChars = 1000;
    public const int MaxItems = 20;

    public sealed record SentenceRequest(string? Sentence);

    public sealed record ProposedItemResponse(
        string Text, double? Quantity, string? Unit, string Food, FoodResponse? Suggestion, double? Grams, NutrientsResponse? Nutrients,
        IReadOnlyList<string> Unmatched, string Status);

    public sealed record SentenceProposalResponse(string Sentence, IReadOnlyList<ProposedItemResponse> Items);

    public static void MapProposeFromSentence(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/log/sentence", HandleAsync)
            .WithSummary("Propose diary items from a typed sentence (parsed locally; unmatched words are listed, never guessed; nothing is stored)");

    internal static async Task<Results<Ok<SentenceProposalResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, SentenceRequest request, HttpContext http, FoodMatcher matcher, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(!string.IsNullOrWhiteSpace(request.Sentence), "sentence", "Type what you ate, e.g. \"2 eggs and 200 ml milk\".");
        errors.Check(request.Sentence is null || request.Sentence.Length <= MaxChars, "sentence", $"A sentence is at most {MaxChars:N0} characters.");
        if (errors.Any) return errors.ToResult();
        var phrases = IngredientParser.SplitSentence(request.Sentence!);
        if (phrases.Count > MaxItems) return errors.Add("sentence", $"At most {MaxItems} items at once.").ToResult();
        var user = http.GetHouseholdAccess().UserId;
        var items = new List<ProposedItemResponse>(phrases.Count);
        foreach (var phrase in phrases)
        {
            var parsed = IngredientParser.Parse(phrase);
            var (food, unmatched) = await matcher.MatchAsync(parsed.Food, user, ct);
            var grams = food is not null ? parsed.GramsFor(food.Units) : parsed.Grams;
            if (grams is { } g && !(g is > 0 and <= 20000)) grams = null; // what a diary entry accepts
            var rounded = grams is { } w ? Math.Round(w, 1) : (double?)null;
            var status = food is null ? "unmatched" : rounded is null ? "needsGrams" : "ready";
            // A phrase with no food words ("and a bit") is unmatched as a whole, so it is shown too.
            IReadOnlyList<string> shown = food is null && unmatched.Count == 0 ? [parsed.Text] : unmatched;
            items.Add(new ProposedItemResponse(parsed.Text, parsed.Amount, parsed.Unit?.Name, parsed.Food, food?.ToResponse(), rounded,
                food is not null && rounded is { } r ? food.Per100g.ForGrams(r).ToResponse() : null, shown, status));
        }
        return TypedResults.Ok(new SentenceProposalResponse(request.Sentence!.Trim(), items));
    }
}
