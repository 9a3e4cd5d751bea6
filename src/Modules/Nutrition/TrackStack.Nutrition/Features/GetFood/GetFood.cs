namespace TrackStack.Nutrition.Features.GetFood;

internal static class GetFood
{
    public static void MapGetFood(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/foods/{foodId}", HandleAsync).WithSummary("A food with its values per 100 g and its units (\"sr28:01123\" or a household food's id)");

    internal static async Task<Results<Ok<FoodResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, string foodId, NutritionDb db, FoodCatalog catalog, CancellationToken ct)
    {
        if (FoodId.TryParseImported(foodId, out _))
            return await catalog.FindAsync(foodId, ct) is { } imported ? TypedResults.Ok(imported.ToResponse()) : Problems.NotFound("Food");
        if (!FoodId.TryParse(foodId, out var code, out var guid)) return Problems.NotFound("Food");
        if (code is null)
        {
            var own = await db.Foods.AsNoTracking().FirstOrDefaultAsync(f => f.Id == guid, ct);
            return own is null ? Problems.NotFound("Food") : TypedResults.Ok(own.ToResponse());
        }
        return await catalog.FindAsync(foodId, ct) is { } food ? TypedResults.Ok(food.ToResponse()) : Problems.NotFound("Food");
    }
}
