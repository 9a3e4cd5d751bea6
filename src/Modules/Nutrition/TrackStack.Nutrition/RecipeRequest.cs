using System.Text.Json;

namespace TrackStack.Nutrition;

public sealed record RecipeStepRequest(string? Section, string? Text);

/// <summary>An ingredient line as written, the food it links to (null: unlinked) and an optional weight in grams
/// that wins over what the line and the food's units give.</summary>
public sealed record IngredientRequest(string? Text, string? FoodId, double? Grams);

public sealed record RecipeRequest(
    string? Title, string? Description, double? Servings, int? PrepMinutes, int? CookMinutes, IReadOnlyList<string>? Tags,
    string? SourceUrl, IReadOnlyList<RecipeStepRequest>? Steps, IReadOnlyList<IngredientRequest>? Ingredients, double? TotalGrams = null)
{
    public const int MaxIngredients = 100;
    public const int MaxSteps = 100;

    internal async Task<FieldErrors> ValidateAsync(FoodCatalog catalog, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(!string.IsNullOrWhiteSpace(Title) && Title.Trim().Length <= 200, "title", "Give the recipe a title of at most 200 characters.");
        errors.Check(Description is null || Description.Length <= 4000, "description", "The description is at most 4,000 characters.");
        errors.Check(Servings is > 0 and <= 1000, "servings", "Servings are more than 0 and at most 1,000.");
        errors.Check(TotalGrams is null or (> 0 and <= 100000), "totalGrams", "The cooked dish weighs more than 0 and at most 100,000 g.");
        errors.Check(PrepMinutes is null or (>= 0 and <= 10000), "prepMinutes", "Prep time is 0 to 10,000 minutes.");
        errors.Check(CookMinutes is null or (>= 0 and <= 10000), "cookMinutes", "Cook time is 0 to 10,000 minutes.");
        errors.Check(Tags is null || (Tags.Count <= 20 && Tags.All(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 40)), "tags", "At most 20 tags of up to 40 characters.");
        errors.Check(SourceUrl is null || (SourceUrl.Length <= 2000 && Uri.TryCreate(SourceUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)),
            "sourceUrl", "The source is an http(s) address of at most 2,000 characters.");
        errors.Check(Steps is null || (Steps.Count <= MaxSteps && Steps.All(s => s is not null && !string.IsNullOrWhiteSpace(s.Text) && s.Text.Length <= 4000 && (s.Section?.Length ?? 0) <= 200)),
            "steps", $"At most {MaxSteps} steps, each with text (up to 4,000 characters).");
        var lines = Ingredients ?? [];
        errors.Check(lines.Count <= MaxIngredients, "ingredients", $"At most {MaxIngredients} ingredients.");
        if (errors.Any) return errors;
        var foodIds = lines.Where(l => l?.FoodId is not null).Select(l => l.FoodId!).ToList();
        var foods = await catalog.FindManyAsync(foodIds, ct);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null || string.IsNullOrWhiteSpace(line.Text) || line.Text.Trim().Length > 500) { errors.Add($"ingredients[{i}].text", "Write the ingredient (at most 500 characters)."); continue; }
            if (line.FoodId is not null && !foods.ContainsKey(line.FoodId)) errors.Add($"ingredients[{i}].foodId", "No such food here.");
            if (line.Grams is not null and (<= 0 or > 100000)) errors.Add($"ingredients[{i}].grams", "A weight is more than 0 and at most 100,000 g.");
        }
        return errors;
    }

    internal void ApplyTo(Recipe recipe, DateTime now)
    {
        recipe.Title = Title!.Trim();
        recipe.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        recipe.Servings = Servings!.Value;
        recipe.TotalGrams = TotalGrams;
        recipe.PrepMinutes = PrepMinutes;
        recipe.CookMinutes = CookMinutes;
        recipe.Tags = JsonSerializer.Serialize((Tags ?? []).Select(t => t.Trim()).Distinct().ToList());
        recipe.SourceUrl = SourceUrl;
        recipe.Steps = JsonSerializer.Serialize((Steps ?? []).Select(s => new RecipeStepResponse(string.IsNullOrWhiteSpace(s.Section) ? null : s.Section.Trim(), s.Text!.Trim())).ToList(), RecipeView.Json);
        recipe.UpdatedAt = now;
    }

    internal List<RecipeIngredient> IngredientRows(Recipe recipe) =>
        (Ingredients ?? []).Select((l, i) => new RecipeIngredient
        {
            Id = Guid.CreateVersion7(), HouseholdId = recipe.HouseholdId, RecipeId = recipe.Id, Position = i,
            Text = l.Text!.Trim(), FoodId = l.FoodId, Grams = l.Grams,
        }).ToList();
}
