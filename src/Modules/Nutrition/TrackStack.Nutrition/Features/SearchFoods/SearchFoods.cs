namespace TrackStack.Nutrition.Features.SearchFoods;

internal static class SearchFoods
{
    public const int MaxQueryLength = 100;

    public static void MapSearchFoods(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/foods", HandleAsync)
            .WithSummary("Search built-in and household foods (prefix and word matches; own and recent first); an empty q gives the member's recent foods");

    internal static async Task<Results<Ok<IReadOnlyList<FoodResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, string? q, int? limit, HttpContext http, FoodCatalog catalog, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(q is null || q.Length <= MaxQueryLength, "q", $"Search with at most {MaxQueryLength} characters.");
        errors.Check(limit is null or (>= 1 and <= 100), "limit", "limit is 1 to 100.");
        if (errors.Any) return errors.ToResult();
        var found = await catalog.SearchAsync(q, http.GetHouseholdAccess().UserId, limit ?? 20, ct);
        return TypedResults.Ok<IReadOnlyList<FoodResponse>>(found.Select(x => x.Food.ToResponse(x.Recent)).ToList());
    }
}
